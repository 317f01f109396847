#pragma once

#include "common/keysetmodel.h"

#include "api/statement.h"

#include <QPointer>

namespace kessai {

class MerchantClient;

// The merchant's statements (支払明細), newest period first, paged through the gateway like
// every other list; filtered by the year of the payout date.
class StatementsModel final : public KeysetModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatementsModel)

public:
    enum Column {
        PeriodColumn,
        ClosingDateColumn,
        PayoutDateColumn,
        SalesColumn,
        CancelsColumn,
        FeesColumn, // fee + tax
        TransferFeeColumn,
        CarryColumn, // carry-in → carry-out
        PayoutColumn,
        ColumnCount
    };
    enum Role {
        StatementIdRole = Qt::UserRole + 1, // QString
        AmountRole,                         // qint64 yen of an amount column
    };

    explicit StatementsModel(QObject *parent = nullptr);
    ~StatementsModel() override;

    void setClient(MerchantClient *client);
    // 0 = every year. Starts a new walk.
    void load(int year);
    int year() const { return m_year; }

    const Statement *statementAt(int row) const;
    int rowOfStatement(const QString &statementId) const;
    // "2026/11/01〜11/15": a period as the page and the exports name it.
    static QString periodText(const Statement &statement);

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
    int m_year = 0;
    std::vector<Statement> m_rows;
    QHash<qint64, int> m_rowOfId;
    std::vector<Statement> m_pageRows;
    std::vector<Statement> m_refreshRows;
};

} // namespace kessai
