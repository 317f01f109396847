#pragma once

#include "domain/money.h"

#include <QDate>
#include <QDialog>

class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace kessai {

// "What is this charge on my card?": support staff find a payment from what the customer sees
// on the statement — a date, an amount and the card's last 4 digits — without the 取引ID.
class SupportLookupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupportLookupDialog)

public:
    explicit SupportLookupDialog(QWidget *parent = nullptr);
    ~SupportLookupDialog() override;

    QDate date() const;
    int plusMinusDays() const;
    Yen amount() const { return m_amountValue; }
    QString cardLast4() const;

    void accept() override;

private:
    QDateEdit *m_date;
    QSpinBox *m_days;
    QLineEdit *m_amount;
    QLineEdit *m_last4;
    QLabel *m_error;
    Yen m_amountValue = 0;
};

} // namespace kessai
