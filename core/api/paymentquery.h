#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace kessai {

// The filters of a payment search (GET /v1/payments), independent of paging.
struct PaymentQuery
{
    QString tradingId; // exact, or a prefix when it ends with '*'
    QString paymentId;
    QList<int> statuses;
    QStringList types;

    bool operator==(const PaymentQuery &other) const = default;

    // Adds the filter parameters to a URL query (paging is added by the caller).
    void addTo(QUrlQuery &query) const;
    bool isEmpty() const;
};

} // namespace kessai
