#pragma once

#include "journal/batchjournal.h"

#include <QAbstractTableModel>

#include <optional>

namespace kessai {

// The items of one bulk batch as the result view shows them: each payment, what was asked, its
// outcome (succeeded / failed / skipped / waiting), the status and amount after, and a translated
// reason for a failure or a skip. Filtered by outcome.
class BulkItemsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkItemsModel)

public:
    enum Column { SeqColumn, PaymentIdColumn, RequestedColumn, OutcomeColumn, StatusAfterColumn,
                  AmountAfterColumn, ReasonColumn, ColumnCount };
    enum Role { StateRole = Qt::UserRole + 1, PaymentIdRole };

    explicit BulkItemsModel(QObject *parent = nullptr);
    ~BulkItemsModel() override;

    // Reads the batch's items again (after each answered chunk, or another batch chosen).
    void reload(const BatchJournal *journal, qint64 batchId);
    void clear();
    qint64 batchId() const { return m_batchId; }
    // Only items in this state; nullopt shows all.
    void setStateFilter(std::optional<BatchJournal::ItemState> state);
    std::optional<BatchJournal::ItemState> stateFilter() const { return m_filter; }
    // Counts over all items, whatever the filter.
    int count(BatchJournal::ItemState state) const;
    const QList<BatchJournal::Item> &allItems() const { return m_items; }

    static QString stateText(BatchJournal::ItemState state);
    // Why an item failed or was skipped, translated from its code.
    static QString reasonText(const BatchJournal::Item &item);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuildRows();

    QList<BatchJournal::Item> m_items;
    QList<int> m_rows; // indexes into m_items that pass the filter
    std::optional<BatchJournal::ItemState> m_filter;
    qint64 m_batchId = 0;
    PaymentAction::Kind m_kind = PaymentAction::Kind::Capture;
};

} // namespace kessai
