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
    : QAbstractTableModel(parent)
    , m_pager(new KeysetPager(this))
    , m_refreshPager(new KeysetPager(this))
{
    intern(QString()); // index 0 = unknown / empty
    connect(m_pager, &KeysetPager::pageRead, this, &PaymentsModel::appendPage);
    connect(m_pager, &KeysetPager::failed, this, &PaymentsModel::onFailed);
    connect(m_pager, &KeysetPager::loadingChanged, this, [this](bool loading) {
        if (!m_refreshing)
            Q_EMIT loadingChanged(loading);
    });
    connect(m_refreshPager, &KeysetPager::pageRead, this, &PaymentsModel::onRefreshPage);
    connect(m_refreshPager, &KeysetPager::failed, this, &PaymentsModel::onFailed);
    for (KeysetPager *pager : {m_pager, m_refreshPager}) {
        connect(pager, &KeysetPager::totalChanged, this, [this](qint64 total) {
            if (total >= 0)
                setTotal(total);
        });
    }
}

PaymentsModel::~PaymentsModel()
{
    abortRequests();
}

void PaymentsModel::setClient(MerchantClient *client)
{
    m_client = client;
    // Both walks read the same search; the refresh one keeps its rows apart until it merges them.
    const auto page = [this](const QString &cursor, int limit) { return m_client->paymentPage(m_query, cursor, limit); };
    const auto count = [this] { return m_client->countPayments(m_query); };
    m_pager->setRequests(page, [this](ApiReply &reply) -> std::optional<QString> {
        auto read = readPage(reply);
        if (!read)
            return std::nullopt;
        m_pageRows.clear();
        m_pageRows.reserve(size_t(read->items.size()));
        for (const PaymentListItem &item : read->items) {
            if (!m_rowOfId.contains(item.paymentId)) // keyset paging never repeats rows; guard the view anyway
                m_pageRows.push_back(rowOf(item));
        }
        return read->nextCursor;
    }, count);
    m_refreshPager->setRequests(page, [this](ApiReply &reply) -> std::optional<QString> {
        auto read = readPage(reply);
        if (!read)
            return std::nullopt;
        for (const PaymentListItem &item : read->items)
            m_refreshRows.push_back(rowOf(item));
        return read->nextCursor;
    }, count);
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

void PaymentsModel::abortRequests()
{
    m_pager->stop();
    m_refreshPager->stop();
}

void PaymentsModel::setTotal(qint64 total)
{
    if (m_total == total)
        return;
    m_total = total;
    Q_EMIT totalChanged(m_total);
    if (m_allMatching)
        Q_EMIT checkedCountChanged(checkedCount());
}

void PaymentsModel::clear()
{
    const bool wasLoading = isLoading();
    QSignalBlocker quiet(m_pager); // one loadingChanged, below
    abortRequests();
    m_refreshing = false;
    m_refreshRows.clear();
    beginResetModel();
    m_rows.clear();
    m_rowOfId.clear();
    endResetModel();
    setTotal(-1);
    if (wasLoading)
        Q_EMIT loadingChanged(false);
}

void PaymentsModel::search(const PaymentQuery &query)
{
    // "All matching" belongs to the query it was made for; checks by ID outlive a new query.
    PaymentQuery sameOrder = query;
    sameOrder.sort = m_query.sort;
    sameOrder.descending = m_query.descending;
    if (m_allMatching && !(sameOrder == m_query))
        clearChecks();
    clear();
    m_query = query;
    if (!m_client)
        return;
    m_pager->restart(true);
    m_pager->fetch(m_pageSize);
}

void PaymentsModel::onFailed(const ApiError &error)
{
    // The walk ends here: no more fetching until the user searches again.
    if (m_refreshing) {
        m_refreshing = false;
        m_refreshRows.clear();
        Q_EMIT loadingChanged(false);
    }
    if (error.kind != ApiError::Kind::Cancelled)
        Q_EMIT errorOccurred(error);
}

void PaymentsModel::appendPage()
{
    std::vector<Row> fresh = std::move(m_pageRows);
    m_pageRows = {};
    if (!fresh.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(fresh.size()) - 1);
        for (Row &row : fresh) {
            m_rowOfId.insert(row.paymentId, int(m_rows.size()));
            m_rows.push_back(std::move(row));
        }
        endInsertRows();
    }
    Q_EMIT pageLoaded(int(fresh.size()));
}

std::optional<PaymentListPage> PaymentsModel::readPage(ApiReply &reply)
{
    QString why;
    auto page = readPaymentListPage(reply.body(), &why);
    if (!page)
        reply.setMalformed(why);
    return page;
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
    return row;
}

void PaymentsModel::refresh()
{
    if (!m_pager->isStarted()) {
        search(m_query);
        return;
    }
    if (!m_client || m_refreshing)
        return;
    // Stop paging further; the refresh reads again as many rows as are loaded now.
    {
        QSignalBlocker quiet(m_pager);
        m_pager->stop();
    }
    m_refreshing = true;
    m_refreshRows.clear();
    m_refreshTarget = std::max<int>(int(m_rows.size()), m_pageSize);
    Q_EMIT loadingChanged(true);
    m_refreshPager->restart(true);
    m_refreshPager->fetch(std::min(1000, m_refreshTarget));
}

void PaymentsModel::onRefreshPage()
{
    if (!m_refreshPager->isExhausted() && int(m_refreshRows.size()) < m_refreshTarget) {
        m_refreshPager->fetch(std::min(1000, m_refreshTarget - int(m_refreshRows.size())));
        return;
    }
    std::vector<Row> fresh = std::move(m_refreshRows);
    m_refreshRows = {};
    m_refreshing = false;
    merge(std::move(fresh), m_refreshPager->cursor());
    Q_EMIT loadingChanged(false);
    Q_EMIT refreshed();
}

// Applies a re-read of the loaded rows without a reset: rows that stay keep their persistent
// indexes (the view's selection, current row and scroll position follow them by payment ID).
void PaymentsModel::merge(std::vector<Row> fresh, const QString &cursor)
{
    QSet<qint64> seen;
    std::erase_if(fresh, [&seen](const Row &row) {
        if (seen.contains(row.paymentId))
            return true;
        seen.insert(row.paymentId);
        return false;
    });
    const int newCount = int(fresh.size());
    if (newCount < int(m_rows.size())) {
        beginRemoveRows(QModelIndex(), newCount, int(m_rows.size()) - 1);
        m_rows.resize(size_t(newCount));
        endRemoveRows();
    }
    const int common = int(m_rows.size());
    QHash<qint64, int> newRowOfId;
    newRowOfId.reserve(newCount);
    for (int i = 0; i < newCount; ++i)
        newRowOfId.insert(fresh[size_t(i)].paymentId, i);

    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from) {
        const int row = newRowOfId.value(m_rows[size_t(index.row())].paymentId, -1);
        to.append(row >= 0 && row < common ? createIndex(row, index.column()) : QModelIndex());
    }
    for (int i = 0; i < common; ++i)
        m_rows[size_t(i)] = fresh[size_t(i)];
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);

    if (newCount > common) {
        beginInsertRows(QModelIndex(), common, newCount - 1);
        for (int i = common; i < newCount; ++i)
            m_rows.push_back(std::move(fresh[size_t(i)]));
        endInsertRows();
    }
    m_rowOfId = std::move(newRowOfId);
    // Paging goes on from where the re-read ended.
    QSignalBlocker quiet(m_pager);
    m_pager->resumeAt(cursor);
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

bool PaymentsModel::isChecked(const QString &paymentId) const
{
    return isCheckedId(paymentId.toLongLong());
}

void PaymentsModel::setChecked(const QString &paymentId, bool checked)
{
    const qint64 id = paymentId.toLongLong();
    if (id == 0 || isCheckedId(id) == checked)
        return;
    if (m_allMatching) {
        if (checked)
            m_excluded.remove(id);
        else
            m_excluded.insert(id);
    } else if (checked) {
        m_checked.insert(id);
    } else {
        m_checked.remove(id);
    }
    const int row = m_rowOfId.value(id, -1);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, CheckColumn), index(row, CheckColumn), {Qt::CheckStateRole});
    Q_EMIT checkedCountChanged(checkedCount());
}

void PaymentsModel::checkAllMatching()
{
    m_allMatching = true;
    m_excluded.clear();
    m_checked.clear();
    emitAllChecksChanged();
}

void PaymentsModel::clearChecks()
{
    m_allMatching = false;
    m_excluded.clear();
    m_checked.clear();
    emitAllChecksChanged();
}

void PaymentsModel::emitAllChecksChanged()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, CheckColumn), index(rowCount() - 1, CheckColumn), {Qt::CheckStateRole});
    Q_EMIT checkedCountChanged(checkedCount());
}

qint64 PaymentsModel::checkedCount() const
{
    if (!m_allMatching)
        return m_checked.size();
    return m_total < 0 ? -1 : std::max<qint64>(0, m_total - m_excluded.size());
}

QStringList PaymentsModel::toStrings(const QSet<qint64> &ids)
{
    QList<qint64> sorted(ids.cbegin(), ids.cend());
    std::sort(sorted.begin(), sorted.end());
    QStringList out;
    out.reserve(sorted.size());
    for (qint64 id : sorted)
        out.append(QString::number(id));
    return out;
}

QStringList PaymentsModel::checkedPaymentIds() const
{
    return toStrings(m_checked);
}

PaymentsModel::Selection PaymentsModel::selection() const
{
    Selection s;
    s.allMatching = m_allMatching;
    if (m_allMatching) {
        s.query = m_query;
        s.excludedIds = toStrings(m_excluded);
    } else {
        s.paymentIds = toStrings(m_checked);
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
    if (m_pager->isStarted())
        search(query);
    else
        m_query = query;
}

bool PaymentsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_pager->isStarted() && !isLoading() && !m_pager->isExhausted();
}

void PaymentsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_pager->fetch(m_pageSize);
}

} // namespace kessai
