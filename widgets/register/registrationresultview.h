#pragma once

#include "register/registration.h"

#include <QGroupBox>

class QLabel;
class QPushButton;

namespace kessai {

// The answer to a registration, large enough to read out on the phone: the new 決済ID, or the
// コンビニ 受付番号 / ATM お客様番号 grouped by four, the deadline, a copy button, and the way
// to the payment's detail or to the next registration.
class RegistrationResultView final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationResultView)

public:
    explicit RegistrationResultView(QWidget *parent = nullptr);

    void showResult(const Registration::Result &result, Registration::Type type);
    QPushButton *newButton() const { return m_newButton; }
    // The number shown large, without its spaces.
    QString number() const;

Q_SIGNALS:
    void openRequested(const QString &paymentId);
    void newRequested();

private:
    QLabel *m_title;
    QLabel *m_id;
    QLabel *m_number;
    QLabel *m_detail;
    QPushButton *m_copy;
    QPushButton *m_open;
    QPushButton *m_newButton;
    QString m_paymentId;
};

} // namespace kessai
