#include "moneyedit.h"

#include <QLocale>

#include <algorithm>

namespace kessai {

namespace {

// "6,300": ',' groups in Japanese and English alike, and parseYen reads it back.
QString groupedDigits(Yen amount)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    return c.toString(amount);
}

} // namespace

MoneyEdit::MoneyEdit(QWidget *parent)
    : QLineEdit(parent)
{
    setAlignment(Qt::AlignRight);
    setInputMethodHints(Qt::ImhDigitsOnly);
    // Long enough for 9,999,999 and a little more, so that an over-long entry is seen whole.
    setMaxLength(20);
    connect(this, &QLineEdit::textChanged, this, &MoneyEdit::reread);
    // Grouping is added once the user leaves the field, never while typing.
    connect(this, &QLineEdit::editingFinished, this, [this] {
        if (m_value && text() != groupedDigits(*m_value))
            setValue(*m_value);
    });
    reread();
}

void MoneyEdit::setRange(Yen minimum, Yen maximum)
{
    m_minimum = minimum;
    m_maximum = std::max(minimum, maximum);
    reread();
}

void MoneyEdit::setValue(Yen amount)
{
    setText(groupedDigits(amount));
}

void MoneyEdit::reread()
{
    const QLocale locale;
    Yen amount = 0;
    std::optional<Yen> value;
    QString problem;
    if (text().trimmed().isEmpty())
        problem = tr("Enter an amount from %1 to %2.").arg(formatYen(m_minimum, locale), formatYen(m_maximum, locale));
    else if (!parseYen(text(), &amount))
        problem = tr("Only whole yen in digits, such as 6300.");
    else if (amount > m_maximum)
        problem = tr("At most %1.", "amount limit").arg(formatYen(m_maximum, locale));
    else if (amount < m_minimum)
        problem = tr("At least %1.", "amount limit").arg(formatYen(m_minimum, locale));
    else
        value = amount;
    const bool changed = value != m_value || problem != m_problem;
    m_value = value;
    m_problem = problem;
    setProperty("invalid", !value.has_value());
    setStyleSheet(value ? QString() : QStringLiteral("QLineEdit { border: 1px solid #b01c1c; }"));
    if (changed)
        Q_EMIT amountChanged();
}

} // namespace kessai
