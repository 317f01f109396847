#pragma once

#include "bulk/bulkrunner.h"
#include "common/page.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace kessai {

class BulkBatchesModel;
class BulkItemsModel;
class BulkService;

// 一括処理: the batches of bulk captures and cancels this user ran (from the search page or a
// file), the one running with its progress, elapsed and remaining time and Cancel, and the result
// of the chosen batch item by item — filtered by outcome, exported as CSV, its failed items sent
// again as a new batch. Unfinished batches (a crash, a lost connection) are marked and finished
// here under their journaled keys.
class BulkPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkPage)

public:
    explicit BulkPage(BulkService *service, QWidget *parent = nullptr);
    ~BulkPage() override;

    void pageShown(bool firstTime) override;
    QList<QAction *> menuActions() const override;
    void saveState() const override;
    void restoreState() override;

    // Shows this batch's items (the newest batch when none is chosen).
    void showBatch(qint64 batchId);
    qint64 shownBatch() const;
    // Writes the shown batch's results; the button asks for the path first. A file's batch is
    // written as the input file plus the result columns, when that file is still as it was.
    bool exportResultsTo(const QString &path);
    // ファイル処理: reads, checks and confirms a bulk file (the button and a drop ask first).
    void openFile(const QString &path);

    BulkBatchesModel *batchesModel() const { return m_batches; }
    BulkItemsModel *itemsModel() const { return m_items; }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void reloadBatches();
    void chooseFile();
    void updateRun();
    void updateButtons();
    void onFinished(qint64 batchId, BulkRunner::End end, const ApiError &error);
    void resumeShown();
    void retryShown();
    void exportShown();
    void updateFilterCounts();

    BulkService *m_service;
    BulkBatchesModel *m_batches;
    BulkItemsModel *m_items;
    QTableView *m_batchTable;
    QTableView *m_itemTable;
    QLabel *m_intro;
    QWidget *m_runPanel;
    QLabel *m_runLabel;
    QProgressBar *m_progress;
    QLabel *m_timeLabel;
    QPushButton *m_cancelButton;
    QLabel *m_message;
    QLabel *m_batchTitle;
    QComboBox *m_filter;
    QPushButton *m_resumeButton;
    QPushButton *m_retryButton;
    QPushButton *m_exportButton;
    QPushButton *m_openButton;
    QAction *m_openAction;
    bool m_fileOpen = false;
    QTimer *m_clock;
    QAction *m_resumeAction;
    QAction *m_retryAction;
    QAction *m_exportAction;
    QAction *m_cancelAction;
};

} // namespace kessai
