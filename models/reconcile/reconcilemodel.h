#pragma once

#include "reconcile/reconcilereport.h"
#include "reconcile/reconciler.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace kessai {

// The rows of one reconciliation (消込): status, 取引ID, both amounts, 決済ID, ledger line, and
// the user's note and "resolved" mark, which are editable here and saved by whoever listens to
// rowEdited (the workspace store).
class ReconcileModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReconcileModel)

public:
    enum Role {
        StatusCodeRole = Qt::UserRole + 1, // QString "matched"…
        AmountRole,                        // qint64 of an amount column (null when absent)
    };

    explicit ReconcileModel(QObject *parent = nullptr);

    void setRows(const QList<ReconcileRow> &rows);
    const QList<ReconcileRow> &rows() const { return m_rows; }
    const std::array<ReconcileTotal, ReconcileStatusCount> &totals() const { return m_totals; }
    int resolvedCount() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // A note or a mark changed (row is the index in rows()).
    void rowEdited(int row, const kessai::ReconcileRow &value);

private:
    QList<ReconcileRow> m_rows;
    std::array<ReconcileTotal, ReconcileStatusCount> m_totals{};
};

// Shows the rows of some statuses (all by default), and hides the resolved ones on request.
class ReconcileFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReconcileFilterModel)

public:
    explicit ReconcileFilterModel(QObject *parent = nullptr);
    // nullopt: every status.
    void setStatus(std::optional<ReconcileStatus> status);
    void setHideResolved(bool hide);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<ReconcileStatus> m_status;
    bool m_hideResolved = false;
};

} // namespace kessai
