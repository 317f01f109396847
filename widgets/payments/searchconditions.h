#pragma once

#include "api/paymentquery.h"

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QToolButton;

namespace kessai {

class DateRangeFilter;
class StatusFilter;

// 決済情報照会's search conditions: every field of a PaymentQuery, read as people type them
// (full-width digits, typed dates), with the keys the page answers to: Enter and Down in any
// field are passed on as signals, Esc clears the field it is pressed in.
class SearchConditions final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchConditions)

public:
    explicit SearchConditions(QWidget *parent = nullptr);
    ~SearchConditions() override;

    // The conditions on screen; sort and order are taken from base.
    PaymentQuery query(const PaymentQuery &base) const;
    void setQuery(const PaymentQuery &query);
    // Why the conditions on screen cannot be searched (translated), with the field to correct
    // focused; empty when they can.
    QString check();
    void focusFirst();
    // Offers only the payment types the user may view.
    void setTypeAllowed(const QString &typeCode, bool allowed);
    QMenu *savedSearchesMenu() const;
    // "Back to my search" beside the lookup's note, while the user's own search is kept aside.
    void setBackOffered(bool offered);

Q_SIGNALS:
    void changed();
    void enterPressed();
    void downPressed();
    void searchClicked();
    void clearClicked();
    void lookupClicked();
    void backClicked();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_tradingId;
    QLineEdit *m_paymentId;
    StatusFilter *m_status;
    DateRangeFilter *m_tradeRange;
    DateRangeFilter *m_dueRange;
    DateRangeFilter *m_clearedRange;
    QLineEdit *m_amountMin;
    QLineEdit *m_amountMax;
    QLineEdit *m_cardLast4;
    QLineEdit *m_customer;
    QLineEdit *m_authExpiresDays; // empty: no such condition
    QPushButton *m_lookupButton;
    // A support lookup's "authorized or captured on" days: no field of their own, said in a note.
    QDate m_chargeFrom;
    QDate m_chargeTo;
    QLabel *m_chargeNote;
    QPushButton *m_backButton;
    QToolButton *m_savedButton;
    QList<QCheckBox *> m_typeBoxes;
    QPushButton *m_searchButton;
    QPushButton *m_clearButton;
};

} // namespace kessai
