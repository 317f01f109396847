#pragma once

#include "domain/money.h"

#include <QLineEdit>

#include <optional>

namespace kessai {

// A yen amount typed by hand. It shows exactly what was typed — never a clamped or truncated
// number — and says what is wrong with it instead: value() is empty until the text is a whole
// number inside the range. Half- and full-width digits, commas, "¥" and "円" are read.
class MoneyEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MoneyEdit)

public:
    explicit MoneyEdit(QWidget *parent = nullptr);

    void setRange(Yen minimum, Yen maximum);
    Yen minimum() const { return m_minimum; }
    Yen maximum() const { return m_maximum; }

    // Shows the amount, grouped ("6,300").
    void setValue(Yen amount);
    // The amount when the text is one inside the range; empty otherwise.
    std::optional<Yen> value() const { return m_value; }
    bool hasAcceptableValue() const { return m_value.has_value(); }
    // Why the text is not an amount ("最大 6,300円"), translated; empty when it is one.
    QString problem() const { return m_problem; }

Q_SIGNALS:
    // The text was read again: value() and problem() may have changed.
    void amountChanged();

private:
    void reread();

    Yen m_minimum = 1;
    Yen m_maximum = 1;
    std::optional<Yen> m_value;
    QString m_problem;
};

} // namespace kessai
