#pragma once

#include "api/paymentquery.h"

#include <QStringList>

namespace kessai {

// Named payment searches a user keeps ("未入金のコンビニ", "今月のオーソリ"), stored in the shared
// settings as their URL query form.
class SavedSearches
{
public:
    static QStringList names();
    static std::optional<PaymentQuery> load(const QString &name);
    static void save(const QString &name, const PaymentQuery &query);
    static void remove(const QString &name);
};

} // namespace kessai
