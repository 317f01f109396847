#include "bulkitemsmodel.h"

#include "bulk/bulkplan.h"
#include "domain/money.h"
#include "domain/paymentcatalog.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace kessai {

BulkItemsModel::BulkItemsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

BulkItemsModel::~BulkItemsModel() = default;

void BulkItemsModel::reload(const BatchJournal *journal, qint64 batchId)
{
    beginResetModel();
    m_batchId = batchId;
    const auto batch = journal ? journal->batch(batchId) : std::nullopt;
    m_kind = batch ? batch->kind : PaymentAction::Kind::Capture;
    m_items = batch ? journal->items(batchId) : QList<BatchJournal::Item>();
    rebuildRows();
    endResetModel();
}

void BulkItemsModel::clear()
{
    reload(nullptr, 0);
}

void BulkItemsModel::setStateFilter(std::optional<BatchJournal::ItemState> state)
{
    if (state == m_filter)
        return;
    beginResetModel();
    m_filter = state;
    rebuildRows();
    endResetModel();
}

void BulkItemsModel::rebuildRows()
{
    m_rows.clear();
    for (int i = 0; i < m_items.size(); ++i) {
        if (!m_filter || m_items.at(i).state == *m_filter)
            m_rows.append(i);
    }
}

int BulkItemsModel::count(BatchJournal::ItemState state) const
{
    return int(std::count_if(m_items.cbegin(), m_items.cend(),
                             [state](const BatchJournal::Item &item) { return item.state == state; }));
}

QString BulkItemsModel::stateText(BatchJournal::ItemState state)
{
    switch (state) {
    case BatchJournal::ItemState::Pending:
        return tr("Waiting", "item not answered yet");
    case BatchJournal::ItemState::Succeeded:
        return tr("Succeeded");
    case BatchJournal::ItemState::Failed:
        return tr("Failed");
    case BatchJournal::ItemState::Skipped:
        return tr("Skipped");
    }
    return {};
}

QString BulkItemsModel::reasonText(const BatchJournal::Item &item)
{
    return bulkItemReason(item);
}

int BulkItemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BulkItemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BulkItemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const BatchJournal::Item &item = m_items.at(m_rows.at(index.row()));
    const QLocale locale;
    const bool answered = item.state == BatchJournal::ItemState::Succeeded;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeqColumn:
            return locale.toString(item.seq + 1);
        case PaymentIdColumn:
            return item.paymentId;
        case RequestedColumn:
            if (item.amount > 0)
                return formatYen(item.amount, locale);
            return m_kind == PaymentAction::Kind::Capture ? tr("Authorized amount") : tr("Whole amount");
        case OutcomeColumn:
            return stateText(item.state);
        case StatusAfterColumn:
            if (item.state == BatchJournal::ItemState::Skipped)
                return PaymentCatalog::statusLabel(item.statusAfter, item.type);
            // Only card payments are captured: what a capture leaves is a card status.
            return answered ? PaymentCatalog::statusLabel(item.statusAfter, m_kind == PaymentAction::Kind::Capture
                                                                                 ? QStringLiteral("02")
                                                                                 : item.type)
                            : QString();
        case AmountAfterColumn:
            return answered ? formatYen(item.amountAfter, locale) : QString();
        case ReasonColumn:
            return reasonText(item);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ReasonColumn && !item.errorCode.isEmpty())
            return QStringLiteral("%1 (%2)").arg(reasonText(item), item.errorCode);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SeqColumn || index.column() == RequestedColumn || index.column() == AmountAfterColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn && item.state == BatchJournal::ItemState::Failed)
            return QBrush(QColor(0xb0, 0x00, 0x20));
        return {};
    case StateRole:
        return int(item.state);
    case PaymentIdRole:
        return item.paymentId;
    }
    return {};
}

QVariant BulkItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeqColumn:
        return tr("#");
    case PaymentIdColumn:
        return tr("Payment ID");
    case RequestedColumn:
        return tr("Requested");
    case OutcomeColumn:
        return tr("Outcome");
    case StatusAfterColumn:
        return tr("Status after");
    case AmountAfterColumn:
        return tr("Amount after");
    case ReasonColumn:
        return tr("Reason");
    }
    return {};
}

} // namespace kessai
