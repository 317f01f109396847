#pragma once

#include "api/apierror.h"
#include "api/apireply.h"
#include "api/keysetpager.h"
#include "api/paymentlistpage.h"
#include "api/paymentquery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <optional>
#include <vector>

namespace kessai {

class MerchantClient;

// The result table of 決済情報照会: rows of GET /v1/payments, loaded page by page (keyset) as the
// view scrolls. Rows are kept compact so a million of them stay within a bounded memory.
// Check marks are by payment ID, so they survive paging and new searches over the same rows.
class PaymentsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaymentsModel)

public:
    enum Column {
        CheckColumn,
        TradingIdColumn,
        PaymentIdColumn,
        TypeColumn,
        InstitutionColumn,
        StatusColumn,
        TradeTimeColumn,
        DueTimeColumn,
        ClearedTimeColumn,
        AmountColumn,
        ColumnCount
    };
    enum Role {
        PaymentIdRole = Qt::UserRole + 1, // QString
        AmountRole,                       // qint64 yen
        StatusCodeRole,                   // int
        TypeCodeRole,                     // QString "02"
        SortRole,                         // the raw value of the cell
        StatusToneRole,                   // int(StatusTone)
    };

    explicit PaymentsModel(QObject *parent = nullptr);
    ~PaymentsModel() override;

    void setClient(MerchantClient *client);
    void setPageSize(int rows) { m_pageSize = rows; }
    int pageSize() const { return m_pageSize; }

    // Starts a new search; answers of any earlier search are dropped when they arrive.
    void search(const PaymentQuery &query);
    const PaymentQuery &query() const { return m_query; }
    void clear();
    // Reads the loaded rows again and merges them in place: no reset, so check marks, the view's
    // selection and scroll position stay. New payments at the top push the others down.
    void refresh();

    bool isLoading() const { return m_pager->isLoading() || m_refreshing; }
    // -1 while the count has not arrived.
    qint64 total() const { return m_total; }
    bool isExhausted() const { return m_pager->isExhausted() && !m_refreshing; }

    QString paymentIdAt(int row) const;
    int rowOfPaymentId(const QString &paymentId) const;

    // Check marks, by payment ID. "All matching" (全件チェック) means every payment the search
    // matches on the gateway, loaded or not, less the ones unchecked since.
    struct Selection
    {
        bool allMatching = false;
        PaymentQuery query;       // with allMatching
        QStringList paymentIds;   // the checked ones, without allMatching
        QStringList excludedIds;  // unchecked after "all matching"
    };
    bool isChecked(const QString &paymentId) const;
    void setChecked(const QString &paymentId, bool checked);
    void checkAllMatching();
    void clearChecks();
    bool isAllMatchingChecked() const { return m_allMatching; }
    // -1 when all matching are checked and the total is not known yet.
    qint64 checkedCount() const;
    Selection selection() const;
    QStringList checkedPaymentIds() const; // explicit checks only

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Sorting is done by the gateway over every matching payment, not over the loaded rows.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static bool isSortable(int column);
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void totalChanged(qint64 total);
    void loadingChanged(bool loading);
    void checkedCountChanged(qint64 count);
    void pageLoaded(int rowsAdded);
    void refreshed();
    void errorOccurred(const kessai::ApiError &error);

private:
    struct Row
    {
        qint64 paymentId = 0;
        qint64 amount = 0;
        qint64 tradeTime = 0; // seconds since epoch, UTC; 0 = not set
        qint64 dueTime = 0;
        qint64 clearedTime = 0;
        QString tradingId;
        quint16 institution = 0; // index into m_strings
        quint16 type = 0;        // index into m_strings
        qint16 status = 0;
    };

    // The reply's page, or nullopt with the reply marked unreadable.
    static std::optional<PaymentListPage> readPage(ApiReply &reply);
    Row rowOf(const PaymentListItem &item);
    void merge(std::vector<Row> fresh, const QString &cursor);
    void appendPage();
    void onRefreshPage();
    void onFailed(const ApiError &error);
    void setTotal(qint64 total);
    quint16 intern(const QString &text);
    QString typeCode(const Row &row) const { return m_strings.at(row.type); }
    void abortRequests();
    bool isCheckedId(qint64 id) const { return m_allMatching ? !m_excluded.contains(id) : m_checked.contains(id); }
    void emitAllChecksChanged();
    static QStringList toStrings(const QSet<qint64> &ids);

    QPointer<MerchantClient> m_client;
    PaymentQuery m_query;
    std::vector<Row> m_rows;
    QHash<qint64, int> m_rowOfId;
    QStringList m_strings; // interned type codes and institution names
    QHash<QString, quint16> m_stringIndex;
    QSet<qint64> m_checked;  // without m_allMatching
    QSet<qint64> m_excluded; // with m_allMatching
    bool m_allMatching = false;
    KeysetPager *m_pager;        // the rows shown, page by page as the view scrolls
    KeysetPager *m_refreshPager; // re-reads the loaded rows for refresh()
    std::vector<Row> m_pageRows; // the page just read, before it is inserted
    qint64 m_total = -1;
    int m_pageSize = 200;
    bool m_refreshing = false;
    std::vector<Row> m_refreshRows;
    int m_refreshTarget = 0;
};

} // namespace kessai
