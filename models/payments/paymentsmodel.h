#pragma once

#include "api/apierror.h"
#include "api/paymentlistpage.h"
#include "api/paymentquery.h"
#include "common/keysetmodel.h"

#include <QHash>
#include <QPointer>
#include <QStringList>

#include <optional>
#include <vector>

namespace kessai {

class MerchantClient;

// The result table of 決済情報照会: rows of GET /v1/payments, loaded page by page (keyset) as the
// view scrolls. Rows are kept compact so a million of them stay within a bounded memory.
// Check marks are by payment ID, so they survive paging, refresh and sorting; other search
// conditions start with none.
class PaymentsModel final : public KeysetModel
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
        // Hidden until the user shows them (the header's menu).
        CustomerColumn,
        CardLast4Column,
        AuthExpiresColumn,
        ColumnCount
    };
    enum Role {
        PaymentIdRole = Qt::UserRole + 1, // QString
        AmountRole,                       // qint64 yen
        StatusCodeRole,                   // int
        TypeCodeRole,                     // QString "02"
        SortRole,                         // the raw value of the cell
        StatusToneRole,                   // int(StatusTone)
        ActionsRole,                      // int: PaymentListItem::Action bits
    };

    explicit PaymentsModel(QObject *parent = nullptr);
    ~PaymentsModel() override;

    void setClient(MerchantClient *client);

    // Starts a new search; answers of any earlier search are dropped when they arrive.
    void search(const PaymentQuery &query);
    const PaymentQuery &query() const { return m_query; }
    // refresh() (KeysetModel) reads the loaded rows again and merges them in place: new payments
    // at the top push the others down; a search not yet run is run.
    void refresh();

    // The summed amount of every payment the search matches (the total line); -1 until counted.
    qint64 totalAmount() const { return m_totalAmount; }

    QString paymentIdAt(int row) const;
    int rowOfPaymentId(const QString &paymentId) const;
    // The loaded row of a payment as the page read it; nullopt when it is not loaded.
    std::optional<PaymentListItem> itemOf(const QString &paymentId) const;

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
Q_SIGNALS:
    void totalAmountChanged(qint64 amount);

protected:
    ApiReply *requestPage(const QString &cursor, int limit) override;
    ApiReply *requestCount() override;
    std::optional<QString> readPage(ApiReply &reply, bool refreshing) override;
    void appendReadRows() override;
    int refreshRowCount() const override { return int(m_refreshRows.size()); }
    void applyRefresh() override;
    void clearRows() override;
    int rowOfId(qint64 id) const override { return m_rowOfId.value(id, -1); }
    int checkColumn() const override { return CheckColumn; }

private:
    struct Row
    {
        qint64 paymentId = 0;
        qint64 amount = 0;
        qint64 tradeTime = 0; // seconds since epoch, UTC; 0 = not set
        qint64 dueTime = 0;
        qint64 clearedTime = 0;
        qint64 authExpiresTime = 0;
        QString tradingId;
        QString customerName;
        quint16 institution = 0; // index into m_strings
        quint16 type = 0;        // index into m_strings
        qint16 status = 0;
        quint16 cardLast4 = PaymentListItem::NoCard;
        quint8 actions = 0; // PaymentListItem::Action bits
    };

    Row rowOf(const PaymentListItem &item);
    quint16 intern(const QString &text);
    QString typeCode(const Row &row) const { return m_strings.at(row.type); }
    static QStringList toStrings(const QList<qint64> &ids);

    QPointer<MerchantClient> m_client;
    PaymentQuery m_query;
    qint64 m_totalAmount = -1;
    std::vector<Row> m_rows;
    QHash<qint64, int> m_rowOfId;
    QStringList m_strings; // interned type codes and institution names
    QHash<QString, quint16> m_stringIndex;
    std::vector<Row> m_pageRows;    // the page just read, before it is inserted
    std::vector<Row> m_refreshRows; // the re-read of refresh(), before it is merged
};

} // namespace kessai
