#pragma once

#include "api/paymentquery.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace kessai {

class DateRangeFilter;
class MerchantClient;
class StatusFilter;
class PaymentsModel;
struct ApiError;

// 決済情報照会: filters above, the result table below, loaded page by page as it scrolls.
class SearchPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchPage)

public:
    explicit SearchPage(MerchantClient *client, QWidget *parent = nullptr);
    ~SearchPage() override;

    PaymentsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    PaymentQuery currentQuery() const;

    // The column layout (order, widths, hidden columns) and the last search, kept across restarts.
    void saveState() const;
    void restoreState();

public Q_SLOTS:
    void search();
    void clearFilters();
    void focusFilters();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateSummary();
    void updateCheckSummary();
    void showColumnMenu(const QPoint &pos);
    void applyQuery(const PaymentQuery &query);
    void openSupportLookup();
    bool readAmounts(PaymentQuery *query) const;
    void showError(const ApiError &error);

    MerchantClient *m_client = nullptr;
    PaymentsModel *m_model;
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
    QPushButton *m_lookupButton;
    QList<QCheckBox *> m_typeBoxes;
    QPushButton *m_searchButton;
    QPushButton *m_clearButton;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_checkSummary;
    QPushButton *m_checkAllButton;
    QPushButton *m_uncheckAllButton;
    QLabel *m_error;
};

} // namespace kessai
