#include "statementlinesmodel.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "domain/japantime.h"
#include "domain/paymentcatalog.h"

#include <QColor>
#include <QLocale>

namespace kessai {

namespace {

qint64 idOf(const StatementLine &line)
{
    return line.lineId;
}

} // namespace

StatementLinesModel::StatementLinesModel(QObject *parent)
    : KeysetModel(parent)
{
    setPageSize(500);
}

StatementLinesModel::~StatementLinesModel() = default;

void StatementLinesModel::setClient(MerchantClient *client)
{
    m_client = client;
}

void StatementLinesModel::load(const StatementLineQuery &query)
{
    clear();
    m_query = query;
    if (m_client && !m_query.statementId.isEmpty())
        startWalk();
}

const StatementLine *StatementLinesModel::lineAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

QString StatementLinesModel::kindLabel(const QString &kind)
{
    if (kind == QLatin1String("sale"))
        return tr("Sale", "statement line kind: 売上");
    if (kind == QLatin1String("cancel"))
        return tr("Cancel", "statement line kind: 取消");
    return kind;
}

ApiReply *StatementLinesModel::requestPage(const QString &cursor, int limit)
{
    return m_client ? m_client->statementLines(m_query, cursor, limit) : nullptr;
}

std::optional<QString> StatementLinesModel::readPage(ApiReply &reply, bool refreshing)
{
    QString why;
    auto page = readStatementLinesPage(reply.body(), &why);
    if (!page) {
        reply.setMalformed(why);
        return std::nullopt;
    }
    std::vector<StatementLine> &into = refreshing ? m_refreshRows : m_pageRows;
    into.reserve(into.size() + size_t(page->items.size()));
    for (StatementLine &line : page->items)
        into.push_back(std::move(line));
    return page->nextCursor;
}

void StatementLinesModel::appendReadRows()
{
    std::vector<StatementLine> fresh = std::move(m_pageRows);
    m_pageRows = {};
    Q_EMIT pageLoaded(appendRows(m_rows, m_rowOfId, std::move(fresh), idOf));
}

void StatementLinesModel::applyRefresh()
{
    std::vector<StatementLine> fresh = std::move(m_refreshRows);
    m_refreshRows = {};
    mergeRows(m_rows, m_rowOfId, std::move(fresh), idOf);
}

void StatementLinesModel::clearRows()
{
    m_rows.clear();
    m_rowOfId.clear();
    m_pageRows.clear();
    m_refreshRows.clear();
}

int StatementLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StatementLinesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatementLinesModel::data(const QModelIndex &index, int role) const
{
    const StatementLine *line = lineAt(index.row());
    if (!line || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return JapanTime::format(line->at);
        case TradingIdColumn:
            return line->tradingId;
        case PaymentIdColumn:
            return line->paymentId > 0 ? QString::number(line->paymentId) : QString();
        case MethodColumn:
            return PaymentCatalog::typeLabel(line->type);
        case KindColumn:
            return kindLabel(line->kind);
        case AmountColumn:
            return formatYen(line->amount, QLocale());
        case FeeColumn:
            return formatYen(line->fee, QLocale());
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn || index.column() == FeeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if ((index.column() == AmountColumn || index.column() == KindColumn) && line->amount < 0)
            return QColor(0xb0, 0x1c, 0x1c);
        return {};
    case PaymentIdRole:
        return line->paymentId > 0 ? QString::number(line->paymentId) : QString();
    case AmountRole:
        return QVariant::fromValue<qint64>(index.column() == FeeColumn ? line->fee : line->amount);
    default:
        return {};
    }
}

QVariant StatementLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TradingIdColumn:
        return tr("Trading ID");
    case PaymentIdColumn:
        return tr("Payment ID");
    case MethodColumn:
        return tr("Payment method");
    case KindColumn:
        return tr("Kind");
    case AmountColumn:
        return tr("Amount");
    case FeeColumn:
        return tr("Fee");
    default:
        return {};
    }
}

} // namespace kessai
