#pragma once

#include "journal/batchjournal.h"

#include <QAbstractTableModel>

namespace kessai {

// The batches of the local journal (一括処理の履歴), newest first: when, what, from where, and how
// many items succeeded, failed or were skipped. Unfinished batches are marked (bold, a state
// text) so they can be finished; the running one shows its progress.
class BulkBatchesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkBatchesModel)

public:
    enum Column { CreatedColumn, KindColumn, SourceColumn, ItemsColumn, SucceededColumn, FailedColumn,
                  SkippedColumn, StateColumn, ColumnCount };
    enum Role { BatchIdRole = Qt::UserRole + 1, FinishedRole };

    explicit BulkBatchesModel(QObject *parent = nullptr);
    ~BulkBatchesModel() override;

    // Reads the batches again (those of one user when loginId is given) and keeps the running one.
    void reload(const BatchJournal *journal, const QString &merchantId, const QString &loginId);
    void setRunning(qint64 batchId, int done, int total);
    int rowOfBatch(qint64 batchId) const;
    std::optional<BatchJournal::Batch> batchAt(int row) const;

    static QString kindText(PaymentAction::Kind kind);
    static QString sourceText(const QString &source);
    // The file a batch was made from ("file:PATH sha256:…"), empty for others.
    static QString filePath(const QString &source);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<BatchJournal::Batch> m_batches;
    qint64 m_running = 0;
    int m_runningDone = 0;
    int m_runningTotal = 0;
};

} // namespace kessai
