#pragma once

#include "common/keysetmodel.h"

#include "api/statement.h"

#include <QPointer>

namespace kessai {

class MerchantClient;

// The lines of one statement in the order they happened, paged through the gateway; filtered
// by payment method and kind (sale / cancel) on the gateway.
class StatementLinesModel final : public KeysetModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatementLinesModel)

public:
    enum Column { TimeColumn, TradingIdColumn, PaymentIdColumn, MethodColumn, KindColumn, AmountColumn, FeeColumn, ColumnCount };
    enum Role {
        PaymentIdRole = Qt::UserRole + 1, // QString, empty for a line without a payment
        AmountRole,                       // qint64 yen, signed
    };

    explicit StatementLinesModel(QObject *parent = nullptr);
    ~StatementLinesModel() override;

    void setClient(MerchantClient *client);
    // Starts a new walk; an empty statement id clears the table.
    void load(const StatementLineQuery &query);
    const StatementLineQuery &query() const { return m_query; }

    const StatementLine *lineAt(int row) const;
    // "Sale" / "Cancel" (translated), or the gateway's word for a later kind.
    static QString kindLabel(const QString &kind);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    ApiReply *requestPage(const QString &cursor, int limit) override;
    std::optional<QString> readPage(ApiReply &reply, bool refreshing) override;
    void appendReadRows() override;
    int refreshRowCount() const override { return int(m_refreshRows.size()); }
    void applyRefresh() override;
    void clearRows() override;
    int rowOfId(qint64 id) const override { return m_rowOfId.value(id, -1); }

private:
    QPointer<MerchantClient> m_client;
    StatementLineQuery m_query;
    std::vector<StatementLine> m_rows;
    QHash<qint64, int> m_rowOfId;
    std::vector<StatementLine> m_pageRows;
    std::vector<StatementLine> m_refreshRows;
};

} // namespace kessai
