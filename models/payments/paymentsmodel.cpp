#include "paymentsmodel.h"

#include "domain/japantime.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "domain/money.h"
#include "domain/payment.h"
#include "domain/paymentcatalog.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QSignalBlocker>

namespace kessai {

namespace {

// Japan time, as everywhere in the console (see domain/japantime.h).
QString formatTime(qint64 secs, bool dateOnly)
{
    return JapanTime::format(secs, dateOnly);
}

QColor toneColor(StatusTone tone)
{
    switch (tone) {
    case StatusTone::Failed:
        return QColor(0xb0, 0x1c, 0x1c);
    case StatusTone::Pending:
        return QColor(0x8a, 0x5a, 0x00);
    case StatusTone::Done:
        return QColor(0x1b, 0x6e, 0x2a);
    case StatusTone::Cancelled:
        return QColor(0x55, 0x55, 0x55);
    case StatusTone::Normal:
        break;
    }
    return {};
}

} // namespace

PaymentsModel::PaymentsModel(QObject *parent)
    : KeysetModel(parent)
{
    intern(QString()); // index 0 = unknown / empty
}

PaymentsModel::~PaymentsModel() = default;

void PaymentsModel::setClient(MerchantClient *client)
{
    m_client = client;
}

quint16 PaymentsModel::intern(const QString &text)
{
    const auto it = m_stringIndex.constFind(text);
    if (it != m_stringIndex.constEnd())
        return it.value();
    if (m_strings.size() >= 0xffff)
        return 0;
    const auto index = quint16(m_strings.size());
    m_strings.append(text);
    m_stringIndex.insert(text, index);
    return index;
}

void PaymentsModel::clearRows()
{
    m_rows.clear();
    m_rowOfId.clear();
    m_pageRows.clear();
    m_refreshRows.clear();
}

void PaymentsModel::search(const PaymentQuery &query)
{
    // Checks belong to one search: the same conditions (in any order, or again) keep them by ID;
    // other conditions start with none, so nothing checked out of sight is ever acted on.
    PaymentQuery sameOrder = query;
    sameOrder.sort = m_query.sort;
    sameOrder.descending = m_query.descending;
    if (!(sameOrder == m_query))
        clearChecks();
    clear();
    m_query = query;
    if (m_client)
        startWalk();
}

ApiReply *PaymentsModel::requestPage(const QString &cursor, int limit)
{
    return m_client ? m_client->paymentPage(m_query, cursor, limit) : nullptr;
}

ApiReply *PaymentsModel::requestCount()
{
    if (!m_client)
        return nullptr;
    // The count comes with the summed amount: the total line (件数・合計金額).
    ApiReply *reply = m_client->countPayments(m_query, true);
    m_totalAmount = -1;
    connect(reply, &ApiReply::finished, this, [this, reply, query = m_query] {
        if (!reply->ok() || query != m_query)
            return; // an answer to an earlier search
        m_totalAmount = readTotalAmount(*reply).value_or(-1);
        Q_EMIT totalAmountChanged(m_totalAmount);
    });
    return reply;
}

std::optional<QString> PaymentsModel::readPage(ApiReply &reply, bool refreshing)
{
    QString why;
    const auto page = readPaymentListPage(reply.body(), &why);
    if (!page) {
        reply.setMalformed(why);
        return std::nullopt;
    }
    std::vector<Row> &into = refreshing ? m_refreshRows : m_pageRows;
    into.reserve(into.size() + size_t(page->items.size()));
    for (const PaymentListItem &item : page->items)
        into.push_back(rowOf(item));
    return page->nextCursor;
}

void PaymentsModel::appendReadRows()
{
    std::vector<Row> fresh = std::move(m_pageRows);
    m_pageRows = {};
    const int added = appendRows(m_rows, m_rowOfId, std::move(fresh), [](const Row &row) { return row.paymentId; });
    Q_EMIT pageLoaded(added);
}

void PaymentsModel::applyRefresh()
{
    std::vector<Row> fresh = std::move(m_refreshRows);
    m_refreshRows = {};
    mergeRows(m_rows, m_rowOfId, std::move(fresh), [](const Row &row) { return row.paymentId; });
}

PaymentsModel::Row PaymentsModel::rowOf(const PaymentListItem &item)
{
    Row row;
    row.paymentId = item.paymentId;
    row.tradingId = item.tradingId;
    row.type = intern(item.type);
    row.status = qint16(item.status);
    row.amount = item.amount;
    row.institution = intern(item.institution);
    row.tradeTime = item.tradeTime;
    row.dueTime = item.dueTime;
    row.clearedTime = item.clearedTime;
    row.authExpiresTime = item.authExpiresTime;
    row.customerName = item.customerName;
    row.cardLast4 = item.cardLast4;
    row.actions = item.actions;
    return row;
}

void PaymentsModel::refresh()
{
    if (!isStarted()) {
        search(m_query);
        return;
    }
    if (m_client)
        KeysetModel::refresh();
}

QString PaymentsModel::paymentIdAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    return QString::number(m_rows[size_t(row)].paymentId);
}

int PaymentsModel::rowOfPaymentId(const QString &paymentId) const
{
    return m_rowOfId.value(paymentId.toLongLong(), -1);
}

std::optional<PaymentListItem> PaymentsModel::itemOf(const QString &paymentId) const
{
    const int index = rowOfPaymentId(paymentId);
    if (index < 0)
        return std::nullopt;
    const Row &row = m_rows[size_t(index)];
    PaymentListItem item;
    item.paymentId = row.paymentId;
    item.tradingId = row.tradingId;
    item.type = typeCode(row);
    item.status = row.status;
    item.amount = row.amount;
    item.institution = m_strings.at(row.institution);
    item.tradeTime = row.tradeTime;
    item.dueTime = row.dueTime;
    item.clearedTime = row.clearedTime;
    item.authExpiresTime = row.authExpiresTime;
    item.customerName = row.customerName;
    item.cardLast4 = row.cardLast4;
    item.actions = row.actions;
    return item;
}

bool PaymentsModel::isChecked(const QString &paymentId) const
{
    return isCheckedId(paymentId.toLongLong());
}

void PaymentsModel::setChecked(const QString &paymentId, bool checked)
{
    setCheckedId(paymentId.toLongLong(), checked);
}

QStringList PaymentsModel::toStrings(const QList<qint64> &ids)
{
    QStringList out;
    out.reserve(ids.size());
    for (qint64 id : ids)
        out.append(QString::number(id));
    return out;
}

QStringList PaymentsModel::checkedPaymentIds() const
{
    return toStrings(checkedIds());
}

PaymentsModel::Selection PaymentsModel::selection() const
{
    Selection s;
    s.allMatching = isAllMatchingChecked();
    if (s.allMatching) {
        s.query = m_query;
        s.excludedIds = toStrings(excludedIds());
    } else {
        s.paymentIds = toStrings(checkedIds());
    }
    return s;
}

int PaymentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PaymentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PaymentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const QString type = typeCode(row);

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CheckColumn:
            return {};
        case TradingIdColumn:
            return row.tradingId;
        case PaymentIdColumn:
            return QString::number(row.paymentId);
        case TypeColumn:
            return PaymentCatalog::typeLabel(type);
        case InstitutionColumn:
            return m_strings.at(row.institution);
        case StatusColumn:
            return PaymentCatalog::statusLabel(row.status, type);
        case TradeTimeColumn:
            return formatTime(row.tradeTime, false);
        case DueTimeColumn:
            return formatTime(row.dueTime, true);
        case ClearedTimeColumn:
            return formatTime(row.clearedTime, false);
        case AmountColumn:
            return formatYen(row.amount, QLocale());
        case CustomerColumn:
            return row.customerName;
        case CardLast4Column:
            return row.cardLast4 == PaymentListItem::NoCard
                ? QString()
                : QStringLiteral("%1").arg(row.cardLast4, 4, 10, QLatin1Char('0'));
        case AuthExpiresColumn:
            return formatTime(row.authExpiresTime, false);
        }
        return {};
    case Qt::CheckStateRole:
        if (index.column() == CheckColumn)
            return isCheckedId(row.paymentId) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn) {
            const QColor color = toneColor(PaymentCatalog::tone(row.status));
            return color.isValid() ? QVariant(QBrush(color)) : QVariant();
        }
        return {};
    case Qt::FontRole:
        if (index.column() == StatusColumn && PaymentCatalog::tone(row.status) == StatusTone::Failed) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn)
            return tr("Status %1: %2").arg(row.status).arg(PaymentCatalog::statusLabel(row.status, type));
        return {};
    case PaymentIdRole:
        return QString::number(row.paymentId);
    case AmountRole:
        return row.amount;
    case StatusCodeRole:
        return int(row.status);
    case TypeCodeRole:
        return type;
    case StatusToneRole:
        return int(PaymentCatalog::tone(row.status));
    case ActionsRole:
        return int(row.actions);
    case SortRole:
        switch (index.column()) {
        case CheckColumn:
            return isCheckedId(row.paymentId);
        case TradingIdColumn:
            return row.tradingId;
        case PaymentIdColumn:
            return row.paymentId;
        case TypeColumn:
            return type;
        case InstitutionColumn:
            return m_strings.at(row.institution);
        case StatusColumn:
            return int(row.status);
        case TradeTimeColumn:
            return row.tradeTime;
        case DueTimeColumn:
            return row.dueTime;
        case ClearedTimeColumn:
            return row.clearedTime;
        case AmountColumn:
            return row.amount;
        case CustomerColumn:
            return row.customerName;
        case CardLast4Column:
            return int(row.cardLast4);
        case AuthExpiresColumn:
            return row.authExpiresTime;
        }
        return {};
    }
    return {};
}

bool PaymentsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != CheckColumn || role != Qt::CheckStateRole)
        return false;
    const bool checked = value.value<Qt::CheckState>() == Qt::Checked || value.toInt() == Qt::Checked;
    setChecked(QString::number(m_rows[size_t(index.row())].paymentId), checked);
    return true;
}

Qt::ItemFlags PaymentsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == CheckColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant PaymentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole && section == AmountColumn)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CheckColumn:
        return QString();
    case TradingIdColumn:
        return tr("Trading ID");
    case PaymentIdColumn:
        return tr("Payment ID");
    case TypeColumn:
        return tr("Payment type");
    case InstitutionColumn:
        return tr("Institution", "card brand, store chain or bank");
    case StatusColumn:
        return tr("Status", "payment status");
    case TradeTimeColumn:
        return tr("Trade time");
    case DueTimeColumn:
        return tr("Due date");
    case ClearedTimeColumn:
        return tr("Cleared", "time the payment was cleared");
    case AmountColumn:
        return tr("Amount");
    case CustomerColumn:
        return tr("Customer");
    case CardLast4Column:
        return tr("Card last 4");
    case AuthExpiresColumn:
        return tr("Authorization expires", "the time a card authorization lapses (オーソリ有効期限)");
    }
    return {};
}

namespace {

std::optional<PaymentQuery::SortKey> sortKeyOf(int column)
{
    switch (column) {
    case PaymentsModel::TradingIdColumn:
        return PaymentQuery::SortKey::TradingId;
    case PaymentsModel::TradeTimeColumn:
        return PaymentQuery::SortKey::TradeTime;
    case PaymentsModel::DueTimeColumn:
        return PaymentQuery::SortKey::DueTime;
    case PaymentsModel::ClearedTimeColumn:
        return PaymentQuery::SortKey::ClearedTime;
    case PaymentsModel::AmountColumn:
        return PaymentQuery::SortKey::Amount;
    default:
        return std::nullopt;
    }
}

} // namespace

bool PaymentsModel::isSortable(int column)
{
    return sortKeyOf(column).has_value();
}

void PaymentsModel::sort(int column, Qt::SortOrder order)
{
    const auto key = sortKeyOf(column);
    if (!key)
        return;
    const bool descending = order == Qt::DescendingOrder;
    if (m_query.sort == *key && m_query.descending == descending)
        return;
    PaymentQuery query = m_query;
    query.sort = *key;
    query.descending = descending;
    if (isStarted())
        search(query);
    else
        m_query = query;
}

} // namespace kessai
