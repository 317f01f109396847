#pragma once

#include "common/keysetmodel.h"

#include "api/useradmin.h"

#include <QPointer>

namespace kessai {

class MerchantClient;

// 操作ログ: the merchant's audit log, newest first, paged through the gateway.
class AuditModel final : public KeysetModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditModel)

public:
    enum Column { TimeColumn, LoginIdColumn, ActionColumn, TargetColumn, ResultColumn, OriginColumn, DetailColumn, ColumnCount };

    explicit AuditModel(QObject *parent = nullptr);
    ~AuditModel() override;

    void setClient(MerchantClient *client);
    void search(const AuditQuery &query);
    const AuditQuery &query() const { return m_query; }
    const AuditEntry *entryAt(int row) const;

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
    struct Row
    {
        qint64 id = 0; // position in the walk: entries have no identity of their own
        AuditEntry entry;
    };

    QPointer<MerchantClient> m_client;
    AuditQuery m_query;
    std::vector<Row> m_rows;
    QHash<qint64, int> m_rowOfId;
    std::vector<Row> m_pageRows;
    std::vector<Row> m_refreshRows;
    qint64 m_nextId = 1;
    qint64 m_nextRefreshId = 1;
};

} // namespace kessai
