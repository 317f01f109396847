#include "statementsmodel.h"

#include "api/apireply.h"
#include "api/merchantclient.h"

#include <QLocale>

namespace kessai {

namespace {

qint64 idOf(const Statement &statement)
{
    return statement.id.toLongLong();
}

} // namespace

StatementsModel::StatementsModel(QObject *parent)
    : KeysetModel(parent)
{
    setPageSize(100);
}

StatementsModel::~StatementsModel() = default;

void StatementsModel::setClient(MerchantClient *client)
{
    m_client = client;
}

void StatementsModel::load(int year)
{
    clear();
    m_year = year;
    if (m_client)
        startWalk();
}

const Statement *StatementsModel::statementAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

int StatementsModel::rowOfStatement(const QString &statementId) const
{
    return m_rowOfId.value(statementId.toLongLong(), -1);
}

QString StatementsModel::periodText(const Statement &statement)
{
    const QString from = statement.periodStart.toString(QStringLiteral("yyyy/MM/dd"));
    const QString to = statement.closingDate.year() == statement.periodStart.year()
                           ? statement.closingDate.toString(QStringLiteral("MM/dd"))
                           : statement.closingDate.toString(QStringLiteral("yyyy/MM/dd"));
    return tr("%1 – %2", "statement period: first day – closing day").arg(from, to);
}

ApiReply *StatementsModel::requestPage(const QString &cursor, int limit)
{
    return m_client ? m_client->statements(m_year, cursor, limit) : nullptr;
}

std::optional<QString> StatementsModel::readPage(ApiReply &reply, bool refreshing)
{
    auto page = readStatementListPage(reply);
    if (!page) {
        reply.setMalformed(QStringLiteral("not a statement list"));
        return std::nullopt;
    }
    std::vector<Statement> &into = refreshing ? m_refreshRows : m_pageRows;
    for (Statement &statement : page->items)
        into.push_back(std::move(statement));
    return page->nextCursor;
}

void StatementsModel::appendReadRows()
{
    std::vector<Statement> fresh = std::move(m_pageRows);
    m_pageRows = {};
    Q_EMIT pageLoaded(appendRows(m_rows, m_rowOfId, std::move(fresh), idOf));
}

void StatementsModel::applyRefresh()
{
    std::vector<Statement> fresh = std::move(m_refreshRows);
    m_refreshRows = {};
    mergeRows(m_rows, m_rowOfId, std::move(fresh), idOf);
}

void StatementsModel::clearRows()
{
    m_rows.clear();
    m_rowOfId.clear();
    m_pageRows.clear();
    m_refreshRows.clear();
}

int StatementsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StatementsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatementsModel::data(const QModelIndex &index, int role) const
{
    const Statement *s = statementAt(index.row());
    if (!s || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const QLocale locale;
    const auto amountOf = [&](int column) -> std::optional<Yen> {
        switch (column) {
        case SalesColumn:
            return s->figures.saleAmount;
        case CancelsColumn:
            return s->figures.cancelAmount;
        case FeesColumn:
            return s->figures.fee + s->figures.tax;
        case TransferFeeColumn:
            return s->transferFee;
        case CarryColumn:
            return s->carryOut;
        case PayoutColumn:
            return s->payout;
        default:
            return std::nullopt;
        }
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PeriodColumn:
            return periodText(*s);
        case ClosingDateColumn:
            return s->closingDate.toString(QStringLiteral("yyyy/MM/dd"));
        case PayoutDateColumn:
            return s->payoutDate.toString(QStringLiteral("yyyy/MM/dd"));
        case SalesColumn:
            return tr("%1 (%Ln sales)", nullptr, int(s->figures.saleCount)).arg(formatYen(s->figures.saleAmount, locale));
        case CancelsColumn:
            return s->figures.cancelCount == 0
                       ? formatYen(0, locale)
                       : tr("%1 (%Ln cancels)", nullptr, int(s->figures.cancelCount))
                             .arg(formatYen(s->figures.cancelAmount, locale));
        case CarryColumn:
            if (s->carryIn == 0 && s->carryOut == 0)
                return formatYen(0, locale);
            return tr("%1 → %2", "carry-over: brought in → carried out")
                .arg(formatYen(s->carryIn, locale), formatYen(s->carryOut, locale));
        default:
            return formatYen(*amountOf(index.column()), locale);
        }
    case Qt::TextAlignmentRole:
        if (index.column() >= SalesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == FeesColumn)
            return tr("Fees %1 + consumption tax %2")
                .arg(formatYen(s->figures.fee, locale), formatYen(s->figures.tax, locale));
        if (index.column() == PayoutColumn && s->payout == 0)
            return tr("Nothing paid out: the balance of %1 is carried over to the next statement.")
                .arg(formatYen(s->carryOut, locale));
        return {};
    case StatementIdRole:
        return s->id;
    case AmountRole:
        if (const auto amount = amountOf(index.column()))
            return QVariant::fromValue<qint64>(*amount);
        return {};
    default:
        return {};
    }
}

QVariant StatementsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PeriodColumn:
        return tr("Period");
    case ClosingDateColumn:
        return tr("Closing date");
    case PayoutDateColumn:
        return tr("Payout date");
    case SalesColumn:
        return tr("Sales");
    case CancelsColumn:
        return tr("Cancels");
    case FeesColumn:
        return tr("Fees and tax");
    case TransferFeeColumn:
        return tr("Transfer fee");
    case CarryColumn:
        return tr("Carry-over");
    case PayoutColumn:
        return tr("Payout");
    default:
        return {};
    }
}

} // namespace kessai
