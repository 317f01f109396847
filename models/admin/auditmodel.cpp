#include "auditmodel.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "domain/japantime.h"

#include <QColor>

namespace kessai {

AuditModel::AuditModel(QObject *parent)
    : KeysetModel(parent)
{
    setPageSize(200);
}

AuditModel::~AuditModel() = default;

void AuditModel::setClient(MerchantClient *client)
{
    m_client = client;
}

void AuditModel::search(const AuditQuery &query)
{
    clear();
    m_query = query;
    if (m_client)
        startWalk();
}

const AuditEntry *AuditModel::entryAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)].entry : nullptr;
}

ApiReply *AuditModel::requestPage(const QString &cursor, int limit)
{
    return m_client ? m_client->audit(m_query, cursor, limit) : nullptr;
}

std::optional<QString> AuditModel::readPage(ApiReply &reply, bool refreshing)
{
    auto page = readAuditPage(reply);
    if (!page) {
        reply.setMalformed(QStringLiteral("not an audit page"));
        return std::nullopt;
    }
    std::vector<Row> &into = refreshing ? m_refreshRows : m_pageRows;
    qint64 &next = refreshing ? m_nextRefreshId : m_nextId;
    if (refreshing && into.empty())
        next = 1;
    for (const AuditEntry &entry : std::as_const(page->items))
        into.push_back({next++, entry});
    return page->nextCursor;
}

void AuditModel::appendReadRows()
{
    std::vector<Row> fresh = std::move(m_pageRows);
    m_pageRows = {};
    Q_EMIT pageLoaded(appendRows(m_rows, m_rowOfId, std::move(fresh), [](const Row &row) { return row.id; }));
}

void AuditModel::applyRefresh()
{
    std::vector<Row> fresh = std::move(m_refreshRows);
    m_refreshRows = {};
    mergeRows(m_rows, m_rowOfId, std::move(fresh), [](const Row &row) { return row.id; });
}

void AuditModel::clearRows()
{
    m_rows.clear();
    m_rowOfId.clear();
    m_pageRows.clear();
    m_refreshRows.clear();
    m_nextId = 1;
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    const AuditEntry *e = entryAt(index.row());
    if (!e)
        return {};
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return JapanTime::format(e->at);
        case LoginIdColumn:
            return e->loginId;
        case ActionColumn:
            return auditActionLabel(e->action);
        case TargetColumn:
            return e->target;
        case ResultColumn:
            return e->result;
        case OriginColumn:
            return e->origin;
        case DetailColumn:
            return e->detail;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == ActionColumn)
        return e->action;
    if (role == Qt::ToolTipRole && index.column() == DetailColumn && !e->detail.isEmpty())
        return e->detail; // a long change reads whole here

    if (role == Qt::ForegroundRole && index.column() == ResultColumn && e->result != QLatin1String("ok"))
        return QColor(0xb0, 0x1c, 0x1c);
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LoginIdColumn:
        return tr("User");
    case ActionColumn:
        return tr("Action");
    case TargetColumn:
        return tr("Target");
    case ResultColumn:
        return tr("Result");
    case OriginColumn:
        return tr("From");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

} // namespace kessai
