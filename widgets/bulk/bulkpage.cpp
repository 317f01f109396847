#include "bulkpage.h"

#include "bulk/bulkbatchesmodel.h"
#include "bulk/bulkitemsmodel.h"
#include "bulk/bulkfile.h"
#include "bulk/bulkfileflow.h"
#include "bulk/bulkservice.h"
#include "domain/paymentcatalog.h"
#include "export/bulkresultwriter.h"
#include "profile/profile.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace kessai {

namespace {

const QString SplitterKey = QStringLiteral("bulk/splitter");
const QString ItemColumnsKey = QStringLiteral("bulk/itemColumns");

// "0:42", "12:05", "1:02:03".
QString duration(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QTableView *makeTable(const QString &name)
{
    auto *table = new QTableView;
    table->setObjectName(name);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

} // namespace

BulkPage::BulkPage(BulkService *service, QWidget *parent)
    : Page(parent)
    , m_service(service)
    , m_batches(new BulkBatchesModel(this))
    , m_items(new BulkItemsModel(this))
    , m_batchTable(makeTable(QStringLiteral("batchTable")))
    , m_itemTable(makeTable(QStringLiteral("itemTable")))
    , m_intro(new QLabel)
    , m_runPanel(new QWidget)
    , m_runLabel(new QLabel)
    , m_progress(new QProgressBar)
    , m_timeLabel(new QLabel)
    , m_cancelButton(new QPushButton(tr("Stop after this chunk")))
    , m_message(new QLabel)
    , m_batchTitle(new QLabel)
    , m_filter(new QComboBox)
    , m_resumeButton(new QPushButton(tr("&Finish this batch")))
    , m_retryButton(new QPushButton(tr("&Retry failed items")))
    , m_exportButton(new QPushButton(tr("&Export results…")))
    , m_openButton(new QPushButton(tr("&Open a file…")))
    , m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("bulkPage"));
    m_intro->setObjectName(QStringLiteral("intro"));
    m_intro->setWordWrap(true);
    m_intro->setText(service ? tr("Bulk captures and cancels: check payments on the payment search and choose Capture "
                                  "or Cancel, or open (or drop here) a CSV file of 決済ID or 取引ID with 売上 / 取消. "
                                  "Each batch is kept here for %1 days.")
                                   .arg(BulkService::KeepDays)
                             : tr("The bulk journal could not be opened, so nothing can be sent in bulk. Check that "
                                  "the console's data folder is writable, then start the console again."));

    // The batch running now: what, how far, how long, and a way to stop.
    m_runPanel->setObjectName(QStringLiteral("runPanel"));
    m_runLabel->setObjectName(QStringLiteral("runLabel"));
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_timeLabel->setObjectName(QStringLiteral("runTime"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setToolTip(tr("What was sent stays done; the rest of the batch can be finished later"));
    auto *runLayout = new QGridLayout(m_runPanel);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addWidget(m_runLabel, 0, 0);
    runLayout->addWidget(m_timeLabel, 0, 1, Qt::AlignRight);
    runLayout->addWidget(m_progress, 1, 0);
    runLayout->addWidget(m_cancelButton, 1, 1);
    m_runPanel->hide();

    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_batchTable->setModel(m_batches);
    m_batchTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_batchTable->horizontalHeader()->setSectionResizeMode(BulkBatchesModel::SourceColumn, QHeaderView::Stretch);
    m_itemTable->setModel(m_items);
    m_itemTable->horizontalHeader()->setStretchLastSection(true);
    m_itemTable->setColumnWidth(BulkItemsModel::SeqColumn, m_itemTable->fontMetrics().horizontalAdvance(QStringLiteral("000,000")));
    // Wide enough for the longest status name (not measured per row: a batch may hold 100,000).
    m_itemTable->setColumnWidth(BulkItemsModel::StatusAfterColumn,
                                m_itemTable->fontMetrics().horizontalAdvance(PaymentCatalog::statusLabel(41, QStringLiteral("02"))) + 16);
    m_itemTable->setColumnWidth(BulkItemsModel::PaymentIdColumn,
                                m_itemTable->fontMetrics().horizontalAdvance(QStringLiteral("0000000000000000000")));

    m_batchTitle->setObjectName(QStringLiteral("batchTitle"));
    m_filter->setObjectName(QStringLiteral("outcomeFilter"));
    m_filter->setAccessibleName(tr("Show items"));
    m_resumeButton->setObjectName(QStringLiteral("resumeButton"));
    m_resumeButton->setToolTip(tr("Send what has no answer yet, under the same keys: nothing is done twice"));
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_retryButton->setToolTip(tr("Send the failed items again as a new batch"));
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    auto *itemBar = new QHBoxLayout;
    itemBar->addWidget(m_batchTitle);
    itemBar->addStretch();
    itemBar->addWidget(new QLabel(tr("Show:")));
    itemBar->addWidget(m_filter);
    itemBar->addWidget(m_resumeButton);
    itemBar->addWidget(m_retryButton);
    itemBar->addWidget(m_exportButton);
    auto *itemPanel = new QWidget;
    auto *itemLayout = new QVBoxLayout(itemPanel);
    itemLayout->setContentsMargins(0, 0, 0, 0);
    itemLayout->addLayout(itemBar);
    itemLayout->addWidget(m_itemTable, 1);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("bulkSplitter"));
    splitter->addWidget(m_batchTable);
    splitter->addWidget(itemPanel);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);

    m_openButton->setObjectName(QStringLiteral("openFileButton"));
    m_openButton->setToolTip(tr("Capture or cancel the payments of a CSV file (ファイル処理)"));
    auto *introBar = new QHBoxLayout;
    introBar->addWidget(m_intro, 1);
    introBar->addWidget(m_openButton, 0, Qt::AlignTop);
    setAcceptDrops(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(introBar);
    layout->addWidget(m_runPanel);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    m_resumeAction = new QAction(tr("&Finish the batch"), this);
    m_resumeAction->setObjectName(QStringLiteral("resumeAction"));
    m_resumeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_retryAction = new QAction(tr("&Retry failed items"), this);
    m_retryAction->setObjectName(QStringLiteral("retryAction"));
    m_exportAction = new QAction(tr("&Export results…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_cancelAction = new QAction(tr("&Stop the running batch"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    m_cancelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_openAction = new QAction(tr("&Open a bulk file…"), this);
    m_openAction->setObjectName(QStringLiteral("openFileAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &BulkPage::chooseFile);
    connect(m_openButton, &QPushButton::clicked, this, &BulkPage::chooseFile);
    for (QAction *action : {m_openAction, m_resumeAction, m_retryAction, m_exportAction, m_cancelAction}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }
    connect(m_resumeAction, &QAction::triggered, this, &BulkPage::resumeShown);
    connect(m_resumeButton, &QPushButton::clicked, this, &BulkPage::resumeShown);
    connect(m_retryAction, &QAction::triggered, this, &BulkPage::retryShown);
    connect(m_retryButton, &QPushButton::clicked, this, &BulkPage::retryShown);
    connect(m_exportAction, &QAction::triggered, this, &BulkPage::exportShown);
    connect(m_exportButton, &QPushButton::clicked, this, &BulkPage::exportShown);

    connect(m_batchTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showBatch(current.data(BulkBatchesModel::BatchIdRole).toLongLong());
            });
    connect(m_filter, &QComboBox::activated, this, [this] {
        const int state = m_filter->currentData().toInt();
        m_items->setStateFilter(state < 0 ? std::nullopt : std::optional(BatchJournal::ItemState(state)));
    });
    connect(m_clock, &QTimer::timeout, this, &BulkPage::updateRun);
    m_clock->setInterval(1000);

    if (m_service) {
        connect(m_cancelButton, &QPushButton::clicked, m_service, &BulkService::cancel);
        connect(m_cancelAction, &QAction::triggered, m_service, &BulkService::cancel);
        connect(m_service, &BulkService::batchCreated, this, [this](qint64 id) {
            m_message->hide();
            reloadBatches();
            showBatch(id);
        });
        connect(m_service, &BulkService::batchStarted, this, [this](qint64 id) {
            m_message->hide();
            if (m_batches->rowOfBatch(id) < 0)
                reloadBatches();
            m_batches->setRunning(id, 0, 0);
            m_clock->start();
            updateRun();
        });
        connect(m_service, &BulkService::progress, this, [this](qint64 id, int done, int total) {
            m_batches->setRunning(id, done, total);
            if (m_items->batchId() == id)
                m_items->reload(m_service->journal(), id);
            updateFilterCounts();
            updateRun();
        });
        connect(m_service, &BulkService::batchFinished, this, &BulkPage::onFinished);
    }
    updateRun();
    updateButtons();
}

BulkPage::~BulkPage() = default;

void BulkPage::pageShown(bool firstTime)
{
    if (firstTime || !m_service || !m_service->isRunning())
        reloadBatches();
    m_batchTable->setFocus();
}

QList<QAction *> BulkPage::menuActions() const
{
    return {m_openAction, m_resumeAction, m_retryAction, m_exportAction, m_cancelAction};
}

void BulkPage::saveState() const
{
    QSettings *settings = sharedSettings();
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("bulkSplitter")))
        settings->setValue(userSettingsKey(SplitterKey), splitter->saveState());
    settings->setValue(userSettingsKey(ItemColumnsKey), m_itemTable->horizontalHeader()->saveState());
}

void BulkPage::restoreState()
{
    QSettings *settings = sharedSettings();
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("bulkSplitter")))
        splitter->restoreState(settings->value(userSettingsKey(SplitterKey)).toByteArray());
    m_itemTable->horizontalHeader()->restoreState(settings->value(userSettingsKey(ItemColumnsKey)).toByteArray());
}

void BulkPage::reloadBatches()
{
    if (!m_service)
        return;
    const qint64 shown = shownBatch();
    const UserInfo &user = m_service->client()->user();
    m_batches->reload(m_service->journal(), user.merchantId, user.loginId);
    if (const BulkRunner *runner = m_service->runner())
        m_batches->setRunning(runner->batchId(), runner->itemsDone(), runner->itemsTotal());
    else
        m_batches->setRunning(0, 0, 0);
    showBatch(shown);
}

qint64 BulkPage::shownBatch() const
{
    return m_items->batchId();
}

void BulkPage::showBatch(qint64 batchId)
{
    if (!m_service)
        return;
    int row = m_batches->rowOfBatch(batchId);
    if (row < 0 && m_batches->rowCount() > 0)
        row = 0;
    if (row < 0) {
        m_items->clear();
        m_batchTitle->clear();
        updateFilterCounts();
        updateButtons();
        return;
    }
    const qint64 id = m_batches->batchAt(row)->id;
    {
        const QModelIndex index = m_batches->index(row, 0);
        if (m_batchTable->currentIndex().row() != row)
            m_batchTable->setCurrentIndex(index);
    }
    if (m_items->batchId() != id || !m_service->isRunning())
        m_items->reload(m_service->journal(), id);
    const auto batch = m_batches->batchAt(row);
    m_batchTitle->setText(tr("Batch %1: %2, %3").arg(id).arg(BulkBatchesModel::kindText(batch->kind),
                                                                BulkBatchesModel::sourceText(batch->source)));
    updateFilterCounts();
    updateButtons();
}

void BulkPage::updateFilterCounts()
{
    const QLocale locale;
    const int current = m_filter->currentIndex() < 0 ? -1 : m_filter->currentData().toInt();
    m_filter->clear();
    m_filter->addItem(tr("All (%1)").arg(locale.toString(m_items->allItems().size())), -1);
    const std::pair<BatchJournal::ItemState, QString> states[] = {
        {BatchJournal::ItemState::Succeeded, tr("Succeeded (%1)")},
        {BatchJournal::ItemState::Failed, tr("Failed (%1)")},
        {BatchJournal::ItemState::Skipped, tr("Skipped (%1)")},
        {BatchJournal::ItemState::Pending, tr("Waiting (%1)")},
    };
    for (const auto &[state, text] : states)
        m_filter->addItem(text.arg(locale.toString(m_items->count(state))), int(state));
    m_filter->setCurrentIndex(std::max(0, m_filter->findData(current)));
}

void BulkPage::updateButtons()
{
    const auto batch = m_service ? m_service->journal()->batch(shownBatch()) : std::nullopt;
    const bool running = m_service && m_service->isRunning();
    const bool busy = batch && (m_service->runningBatch() == batch->id || m_service->isQueued(batch->id));
    const bool resumable = batch && !batch->finished && !busy;
    m_resumeButton->setVisible(resumable);
    m_resumeAction->setEnabled(resumable);
    const bool retryable = batch && batch->failed > 0 && !busy;
    m_retryButton->setEnabled(retryable);
    m_retryAction->setEnabled(retryable);
    m_exportButton->setEnabled(bool(batch));
    m_exportAction->setEnabled(bool(batch));
    m_cancelAction->setEnabled(running);
    m_filter->setEnabled(bool(batch));
    m_openButton->setEnabled(m_service && !m_fileOpen);
    m_openAction->setEnabled(m_service && !m_fileOpen);
}

void BulkPage::updateRun()
{
    const BulkRunner *runner = m_service ? m_service->runner() : nullptr;
    m_runPanel->setVisible(runner);
    updateButtons();
    if (!runner) {
        m_clock->stop();
        return;
    }
    const QLocale locale;
    const auto batch = m_service->journal()->batch(runner->batchId());
    const bool capture = !batch || batch->kind == PaymentAction::Kind::Capture;
    const int done = runner->itemsDone();
    const int total = runner->itemsTotal();
    m_runLabel->setText((capture ? tr("Capturing: %1 of %2 payments") : tr("Cancelling: %1 of %2 payments"))
                            .arg(locale.toString(done), locale.toString(total)));
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
    const qint64 left = runner->remainingMs();
    m_timeLabel->setText(left < 0 ? tr("Elapsed %1").arg(duration(runner->elapsedMs()))
                                  : tr("Elapsed %1, about %2 left").arg(duration(runner->elapsedMs()), duration(left)));
}

void BulkPage::onFinished(qint64 batchId, BulkRunner::End end, const ApiError &error)
{
    reloadBatches();
    if (shownBatch() == batchId)
        m_items->reload(m_service->journal(), batchId);
    updateFilterCounts();
    updateRun();
    const auto batch = m_service->journal()->batch(batchId);
    const QLocale locale;
    QString text;
    switch (end) {
    case BulkRunner::End::Finished:
        text = tr("Batch %1 is done: %2 succeeded, %3 failed, %4 skipped.")
                   .arg(batchId)
                   .arg(locale.toString(batch ? batch->succeeded : 0), locale.toString(batch ? batch->failed : 0),
                        locale.toString(batch ? batch->skipped : 0));
        break;
    case BulkRunner::End::Cancelled:
        text = tr("Batch %1 was stopped: %2 items were done and stay done; the rest was not sent. "
                  "Finish it later with \"Finish this batch\".")
                   .arg(batchId)
                   .arg(locale.toString(batch ? batch->succeeded + batch->failed : 0));
        break;
    case BulkRunner::End::Interrupted:
        if (error.kind == ApiError::Kind::Authentication) {
            text = tr("Batch %1 is waiting: the session ended (%2). Nothing is lost — sign in again and finish it with "
                      "\"Finish this batch\"; the rest is sent under the same keys and nothing is done twice.")
                       .arg(batchId)
                       .arg(error.displayText());
            break;
        }
        text = tr("Batch %1 is waiting: the gateway did not answer (%2). Nothing is lost — when the connection is "
                  "back, finish it with \"Finish this batch\"; the same requests are sent again and nothing is done twice.")
                   .arg(batchId)
                   .arg(error.displayText());
        break;
    case BulkRunner::End::JournalError:
        text = tr("Batch %1 stopped: the journal could not be written (%2), so nothing more was sent. Nothing is "
                  "lost — make room on the disk, then finish it with \"Finish this batch\"; an answer that could not "
                  "be written is asked for again and nothing is done twice.")
                   .arg(batchId)
                   .arg(m_service->journal()->lastError());
        break;
    }
    m_message->setText(text);
    m_message->setStyleSheet(end == BulkRunner::End::Finished && batch && batch->failed == 0
                                 ? QString()
                                 : QStringLiteral("color: #b00020"));
    m_message->show();
}

void BulkPage::resumeShown()
{
    if (m_service && m_service->resume(shownBatch())) {
        m_message->hide();
        updateRun();
    }
}

void BulkPage::retryShown()
{
    if (!m_service)
        return;
    if (!m_service->retryFailed(shownBatch())) {
        m_message->setText(m_service->lastError());
        m_message->show();
    }
}

void BulkPage::exportShown()
{
    if (!m_service || shownBatch() == 0)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = tr("bulk-%1-results.csv", "file name").arg(shownBatch());
    const QString path = QFileDialog::getSaveFileName(this, tr("Export results"), folder + u'/' + name,
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportResultsTo(path);
}

bool BulkPage::exportResultsTo(const QString &path)
{
    CsvError error;
    const auto batch = m_service->journal()->batch(shownBatch());
    const QString input = batch ? BulkBatchesModel::filePath(batch->source) : QString();
    QFile file(input);
    const QByteArray bytes = !input.isEmpty() && file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    if (!bytes.isEmpty()
        && QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex() == BulkFile::sha256OfSource(batch->source)) {
        // The input file as it was, with each line's newest outcome in every batch made from it.
        QList<qint64> ids;
        for (const BatchJournal::Batch &made : m_service->batchesOfFile(BulkFile::sha256OfSource(batch->source)))
            ids.append(made.id);
        error = writeBulkFileResults(*m_service->journal(), ids, bytes, path);
    } else {
        // UTF-8 with a BOM: Excel opens it right, and no gateway message loses a character.
        error = writeBulkResults(*m_service->journal(), shownBatch(), path, CsvEncoding::Utf8Bom);
    }
    m_message->setStyleSheet(error.isError() ? QStringLiteral("color: #b00020") : QString());
    m_message->setText(error.isError() ? tr("The results could not be written: %1").arg(error.message())
                                       : tr("The results were written to %1.").arg(QDir::toNativeSeparators(path)));
    m_message->show();
    return !error.isError();
}

void BulkPage::chooseFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a bulk file"), folder,
                                                      tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void BulkPage::openFile(const QString &path)
{
    if (!m_service || m_fileOpen)
        return;
    auto *flow = new BulkFileFlow(m_service, this);
    flow->setObjectName(QStringLiteral("bulkFileFlow"));
    m_fileOpen = true;
    updateButtons();
    connect(flow, &BulkFileFlow::batchStarted, this, [this](qint64 id) {
        reloadBatches();
        showBatch(id);
    });
    connect(flow, &BulkFileFlow::ended, this, [this] {
        m_fileOpen = false;
        updateButtons();
    });
    flow->start(path);
}

void BulkPage::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (m_service && !m_fileOpen && urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void BulkPage::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.first().toLocalFile();
    // After the drop returns: the dialog must not run inside the drag's event loop.
    QTimer::singleShot(0, this, [this, path] { openFile(path); });
}

} // namespace kessai
