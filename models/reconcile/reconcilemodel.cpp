#include "reconcilemodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace kessai {

namespace {

QColor statusColor(ReconcileStatus status)
{
    switch (status) {
    case ReconcileStatus::Matched:
        return QColor(0x1b, 0x6e, 0x2a);
    case ReconcileStatus::AmountDiffers:
    case ReconcileStatus::Duplicate:
        return QColor(0xb0, 0x1c, 0x1c);
    case ReconcileStatus::NotPaid:
    case ReconcileStatus::NotInLedger:
        return QColor(0x8a, 0x5a, 0x00);
    }
    return {};
}

} // namespace

ReconcileModel::ReconcileModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReconcileModel::setRows(const QList<ReconcileRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    m_totals = reconcileTotals(m_rows);
    endResetModel();
}

int ReconcileModel::resolvedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const ReconcileRow &row) { return row.resolved; }));
}

int ReconcileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReconcileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ReconcileColumnCount;
}

QVariant ReconcileModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ReconcileColumnCount)
        return {};
    const ReconcileRow &row = m_rows.at(index.row());
    const auto column = ReconcileColumn(index.column());
    const auto amountOf = [&]() -> std::optional<Yen> {
        if (column == ReconcileColumn::LedgerAmount)
            return row.ledgerAmount;
        if (column == ReconcileColumn::StatementAmount)
            return row.statementAmount;
        return std::nullopt;
    };
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (column) {
        case ReconcileColumn::TradingId:
            return row.tradingId;
        case ReconcileColumn::Status:
            if (row.cancelledInFull && role == Qt::DisplayRole)
                return tr("%1 (sold and cancelled in full)").arg(reconcileStatusLabel(row.status));
            return reconcileStatusLabel(row.status);
        case ReconcileColumn::LedgerAmount:
        case ReconcileColumn::StatementAmount:
            if (const auto amount = amountOf())
                return formatYen(*amount, QLocale());
            return QString();
        case ReconcileColumn::PaymentId:
            return row.paymentId;
        case ReconcileColumn::LedgerLine:
            return row.ledgerLine > 0 ? QVariant(row.ledgerLine) : QVariant(QString());
        case ReconcileColumn::Note:
            return row.note;
        case ReconcileColumn::Resolved:
            return {};
        }
        return {};
    case Qt::CheckStateRole:
        if (column == ReconcileColumn::Resolved)
            return row.resolved ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        if (column == ReconcileColumn::Status)
            return QBrush(statusColor(row.status));
        return {};
    case Qt::TextAlignmentRole:
        if (column == ReconcileColumn::LedgerAmount || column == ReconcileColumn::StatementAmount
            || column == ReconcileColumn::LedgerLine)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case StatusCodeRole:
        return reconcileStatusCode(row.status);
    case AmountRole:
        if (const auto amount = amountOf())
            return QVariant::fromValue<qint64>(*amount);
        return {};
    default:
        return {};
    }
}

bool ReconcileModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return false;
    ReconcileRow &row = m_rows[index.row()];
    const auto column = ReconcileColumn(index.column());
    if (column == ReconcileColumn::Note && role == Qt::EditRole) {
        const QString note = value.toString().trimmed();
        if (note == row.note)
            return true;
        row.note = note;
    } else if (column == ReconcileColumn::Resolved && role == Qt::CheckStateRole) {
        const bool resolved = value.toInt() == Qt::Checked;
        if (resolved == row.resolved)
            return true;
        row.resolved = resolved;
    } else {
        return false;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT rowEdited(index.row(), row);
    return true;
}

Qt::ItemFlags ReconcileModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    if (index.column() == int(ReconcileColumn::Note))
        flags |= Qt::ItemIsEditable;
    if (index.column() == int(ReconcileColumn::Resolved))
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant ReconcileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ReconcileColumnCount)
        return {};
    return reconcileColumnLabel(ReconcileColumn(section));
}

ReconcileFilterModel::ReconcileFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void ReconcileFilterModel::setStatus(std::optional<ReconcileStatus> status)
{
    m_status = status;
    invalidateFilter();
}

void ReconcileFilterModel::setHideResolved(bool hide)
{
    m_hideResolved = hide;
    invalidateFilter();
}

bool ReconcileFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const ReconcileModel *>(sourceModel());
    if (!model || sourceParent.isValid() || sourceRow >= model->rows().size())
        return true;
    const ReconcileRow &row = model->rows().at(sourceRow);
    if (m_status && row.status != *m_status)
        return false;
    return !(m_hideResolved && row.resolved);
}

} // namespace kessai
