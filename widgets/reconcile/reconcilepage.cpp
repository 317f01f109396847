#include "reconcilepage.h"

#include "api/apireply.h"
#include "api/keysetpager.h"
#include "api/merchantclient.h"
#include "reconcile/reconcilemodel.h"
#include "reconcile/reconcilereport.h"
#include "reconcile/reconciler.h"
#include "reconcile/statementsource.h"
#include "statements/statementsmodel.h"
#include "common/dateedit.h"
#include "ledgermappingdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace kessai {

ReconcilePage::ReconcilePage(MerchantClient *client, QWidget *parent)
    : Page(parent)
    , m_client(client)
    , m_model(new ReconcileModel(this))
    , m_filter(new ReconcileFilterModel(this))
    , m_reader(new StatementLinesReader(client, this))
    , m_captured(new CapturedPaymentsReader(client, this))
    , m_byStatement(new QRadioButton(tr("&Statement:")))
    , m_byDates(new QRadioButton(tr("Payments &cleared from:")))
    , m_from(new DateEdit)
    , m_to(new DateEdit)
    , m_ledgerLabel(new QLabel(tr("No ledger open.")))
    , m_openLedger(new QPushButton(tr("Open ledger…")))
    , m_statement(new QComboBox)
    , m_run(new QPushButton(tr("Reconcile")))
    , m_workspace(new QComboBox)
    , m_removeWorkspace(new QPushButton(tr("Delete")))
    , m_summary(new QLabel)
    , m_statusFilter(new QComboBox)
    , m_hideResolved(new QCheckBox(tr("Hide &resolved rows")))
    , m_view(new QTableView)
    , m_export(new QPushButton(tr("Export report…")))
    , m_error(new QLabel)
    , m_openAction(new QAction(tr("Open ledger…"), this))
    , m_exportAction(new QAction(tr("Export reconciliation report…"), this))
{
    setObjectName(QStringLiteral("reconcilePage"));
    m_ledgerLabel->setObjectName(QStringLiteral("ledgerLabel"));
    m_ledgerLabel->setTextFormat(Qt::PlainText);
    m_ledgerLabel->setWordWrap(true);
    m_openLedger->setObjectName(QStringLiteral("openLedger"));
    m_statement->setObjectName(QStringLiteral("reconcileStatement"));
    m_statement->setMinimumContentsLength(28);
    m_run->setObjectName(QStringLiteral("reconcileRun"));
    m_run->setDefault(true);
    m_workspace->setObjectName(QStringLiteral("reconcileWorkspace"));
    m_workspace->setMinimumContentsLength(36);
    m_removeWorkspace->setObjectName(QStringLiteral("removeWorkspace"));
    m_summary->setObjectName(QStringLiteral("reconcileSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_hideResolved->setObjectName(QStringLiteral("hideResolved"));
    m_export->setObjectName(QStringLiteral("exportReport"));
    m_error->setObjectName(QStringLiteral("reconcileError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b01c1c;"));
    m_error->hide();

    auto *conditions = new QGroupBox(tr("What to reconcile"));
    auto *form = new QFormLayout(conditions);
    auto *ledgerRow = new QHBoxLayout;
    ledgerRow->addWidget(m_ledgerLabel, 1);
    ledgerRow->addWidget(m_openLedger);
    form->addRow(tr("Order ledger:"), ledgerRow);
    auto *statementRow = new QHBoxLayout;
    statementRow->addWidget(m_statement, 1);
    statementRow->addWidget(m_run);
    m_byStatement->setObjectName(QStringLiteral("byStatement"));
    m_byDates->setObjectName(QStringLiteral("byDates"));
    m_from->setObjectName(QStringLiteral("clearedFrom"));
    m_to->setObjectName(QStringLiteral("clearedTo"));
    m_byStatement->setChecked(true);
    form->addRow(m_byStatement, statementRow);
    auto *datesRow = new QHBoxLayout;
    datesRow->addWidget(m_from);
    datesRow->addWidget(new QLabel(tr("to", "cleared from … to …")));
    datesRow->addWidget(m_to);
    datesRow->addStretch(1);
    form->addRow(m_byDates, datesRow);
    auto *workspaceRow = new QHBoxLayout;
    workspaceRow->addWidget(m_workspace, 1);
    workspaceRow->addWidget(m_removeWorkspace);
    auto *workspaceLabel = new QLabel(tr("Saved &work:"));
    workspaceLabel->setBuddy(m_workspace);
    form->addRow(workspaceLabel, workspaceRow);

    m_statusFilter->addItem(tr("All statuses"), QString());
    for (int i = 0; i < ReconcileStatusCount; ++i)
        m_statusFilter->addItem(reconcileStatusLabel(ReconcileStatus(i)), reconcileStatusCode(ReconcileStatus(i)));
    auto *filterRow = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("S&how:"));
    filterLabel->setBuddy(m_statusFilter);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_statusFilter);
    filterRow->addWidget(m_hideResolved);
    filterRow->addStretch(1);
    filterRow->addWidget(m_export);

    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->setObjectName(QStringLiteral("reconcileRows"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(int(ReconcileColumn::Note), QHeaderView::Stretch);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->setAccessibleName(tr("Reconciliation rows"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(conditions);
    layout->addWidget(m_error);
    layout->addWidget(m_summary);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);

    m_openAction->setShortcut(QKeySequence::Open);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));

    connect(m_openLedger, &QPushButton::clicked, this, &ReconcilePage::askLedger);
    connect(m_openAction, &QAction::triggered, this, &ReconcilePage::askLedger);
    connect(m_run, &QPushButton::clicked, this, &ReconcilePage::reconcile);
    connect(m_export, &QPushButton::clicked, this, &ReconcilePage::askExport);
    connect(m_exportAction, &QAction::triggered, this, &ReconcilePage::askExport);
    connect(m_statement, &QComboBox::currentIndexChanged, this, &ReconcilePage::updateButtons);
    connect(m_workspace, &QComboBox::activated, this, [this] {
        const qint64 id = m_workspace->currentData().toLongLong();
        if (id > 0)
            openWorkspace(id);
    });
    connect(m_removeWorkspace, &QPushButton::clicked, this, [this] {
        const qint64 id = m_workspace->currentData().toLongLong();
        if (id <= 0 || !store())
            return;
        if (QMessageBox::question(this, tr("Delete saved work"),
                                  tr("Delete \"%1\" with its notes and marks?").arg(m_workspace->currentText()))
            != QMessageBox::Yes)
            return;
        store()->removeWorkspace(id);
        if (id == m_workspaceId) {
            m_workspaceId = 0;
            m_model->setRows({});
            updateSummary();
        }
        loadWorkspaces();
    });
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        const QString code = m_statusFilter->currentData().toString();
        m_filter->setStatus(code.isEmpty() ? std::nullopt : reconcileStatusFromCode(code));
    });
    connect(m_hideResolved, &QCheckBox::toggled, m_filter, &ReconcileFilterModel::setHideResolved);
    connect(m_model, &ReconcileModel::rowEdited, this, [this](int row, const ReconcileRow &value) {
        if (m_workspaceId <= 0 || !store())
            return;
        // Every note and mark is written at once: nothing typed is lost if the console closes.
        if (!store()->setNote(m_workspaceId, row, value.note) || !store()->setResolved(m_workspaceId, row, value.resolved))
            showError(tr("The note could not be saved: %1").arg(store()->lastError()));
        updateSummary();
    });
    connect(m_reader, &StatementLinesReader::finished, this, [this](const ApiError &error) {
        sideRead(statementEntries(m_reader->lines()), error);
    });
    connect(m_captured, &CapturedPaymentsReader::finished, this, [this](const ApiError &error) {
        sideRead(m_captured->entries(), error);
    });
    for (QRadioButton *button : {m_byStatement, m_byDates})
        connect(button, &QRadioButton::toggled, this, &ReconcilePage::updateButtons);
    for (DateEdit *edit : {m_from, m_to})
        connect(edit, &DateEdit::dateChanged, this, [this] {
            m_byDates->setChecked(true);
            updateButtons();
        });
    updateButtons();
}

void ReconcilePage::sideRead(const QList<StatementEntry> &entries, const ApiError &error)
{
    m_run->setText(tr("Reconcile"));
    updateButtons();
    if (error.isError()) {
        showError(error.displayText());
        return;
    }
    if (!m_ledger)
        return;
    {
        const ReconcileResult result = Reconciler::reconcile(m_ledger->entries(), entries);
        m_model->setRows(result.rows);
        m_view->resizeColumnsToContents();
        ReconcileStore::Workspace workspace;
        const QString sideText = m_byDates->isChecked()
                                     ? tr("payments cleared %1–%2")
                                           .arg(m_from->date().toString(QStringLiteral("yyyy/MM/dd")),
                                                m_to->date().toString(QStringLiteral("yyyy/MM/dd")))
                                     : m_statement->currentText();
        workspace.name = tr("%1 against %2").arg(QFileInfo(m_ledgerPath).fileName(), sideText);
        workspace.merchantId = m_client ? m_client->user().merchantId : QString();
        workspace.ledgerPath = m_ledgerPath;
        workspace.ledgerSha256 = m_ledger->sha256();
        workspace.headerSignature = m_ledger->headerSignature();
        workspace.mapping = m_ledger->mapping();
        if (m_byDates->isChecked()) {
            workspace.payoutFrom = m_from->date();
            workspace.payoutTo = m_to->date();
        } else {
            workspace.statementId = m_statement->currentData().toString().toLongLong();
        }
        m_workspaceId = 0;
        if (store()) {
            if (const auto id = store()->createWorkspace(workspace, result.rows))
                m_workspaceId = *id;
            else
                showError(tr("The reconciliation could not be saved: %1").arg(store()->lastError()));
        }
        loadWorkspaces();
        updateSummary();
        Q_EMIT reconciled(m_workspaceId);
    }
}

ReconcilePage::~ReconcilePage() = default;

ReconcileStore *ReconcilePage::store()
{
    if (!m_store) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        QString error;
        m_store = ReconcileStore::open(QDir(dir).filePath(QStringLiteral("reconcile.sqlite")), &error);
        if (!m_store)
            showError(tr("The reconciliation store could not be opened: %1").arg(error));
    }
    return m_store.get();
}

void ReconcilePage::pageShown(bool firstTime)
{
    if (firstTime) {
        loadStatements();
        loadWorkspaces();
    }
}

QList<QAction *> ReconcilePage::menuActions() const
{
    return {m_openAction, m_exportAction};
}

void ReconcilePage::loadStatements()
{
    if (!m_client)
        return;
    // Every statement (a few dozen a year), newest first, in the chooser.
    auto *pager = new KeysetPager(this);
    auto items = std::make_shared<QList<Statement>>();
    pager->setRequests([this](const QString &cursor, int limit) { return m_client->statements(0, cursor, limit); },
                       [items](ApiReply &reply) -> std::optional<QString> {
                           auto page = readStatementListPage(reply);
                           if (!page) {
                               reply.setMalformed(QStringLiteral("not a statement list"));
                               return std::nullopt;
                           }
                           items->append(page->items);
                           return page->nextCursor;
                       });
    connect(pager, &KeysetPager::pageRead, this, [this, pager, items] {
        if (!pager->isExhausted()) {
            pager->fetch(1000);
            return;
        }
        const QString chosen = m_statement->currentData().toString();
        m_statement->clear();
        const QLocale locale;
        for (const Statement &s : std::as_const(*items)) {
            m_statement->addItem(tr("Payout %1 (%2) – %3 lines")
                                     .arg(s.payoutDate.toString(QStringLiteral("yyyy/MM/dd")), StatementsModel::periodText(s),
                                          locale.toString(s.lineCount)),
                                 s.id);
        }
        if (const int index = m_statement->findData(chosen); index >= 0)
            m_statement->setCurrentIndex(index);
        pager->deleteLater();
        updateButtons();
        Q_EMIT statementsLoaded();
    });
    connect(pager, &KeysetPager::failed, this, [this, pager](const ApiError &error) {
        showError(error.displayText());
        pager->deleteLater();
    });
    pager->restart(false);
    pager->fetch(1000);
}

void ReconcilePage::loadWorkspaces()
{
    m_workspace->clear();
    m_workspace->addItem(tr("(choose saved work)"), 0);
    if (!store())
        return;
    const QString merchant = m_client ? m_client->user().merchantId : QString();
    const QLocale locale;
    for (const ReconcileStore::Workspace &w : store()->workspaces(merchant)) {
        m_workspace->addItem(tr("%1 — %2 of %3 rows resolved")
                                 .arg(w.name, locale.toString(w.resolvedCount), locale.toString(w.rowCount)),
                             w.id);
    }
    if (const int index = m_workspace->findData(m_workspaceId); index >= 0)
        m_workspace->setCurrentIndex(index);
    updateButtons();
}

bool ReconcilePage::openLedger(const QString &path, const std::optional<LedgerMapping> &given)
{
    m_error->hide();
    std::optional<LedgerMapping> mapping = given;
    Ledger ledger = Ledger::read(path, mapping);
    if (!mapping && store()) {
        // The columns chosen last time for a file with this header.
        if (const auto remembered = store()->rememberedMapping(ledger.headerSignature()); remembered && !ledger.mappingDetected()) {
            mapping = remembered;
            ledger = Ledger::read(path, mapping);
        }
    }
    if (ledger.needsMapping()) {
        mapping = askMapping(ledger);
        if (!mapping)
            return false;
        ledger = Ledger::read(path, mapping);
    }
    if (mapping && store() && !ledger.header().isEmpty())
        store()->rememberMapping(ledger.headerSignature(), *mapping);
    if (!ledger.isClean()) {
        // Every broken line is named; nothing is reconciled until the file is right.
        QStringList lines;
        for (const LedgerError &error : ledger.errors().mid(0, 20))
            lines.append(error.line > 0 ? tr("Line %1: %2").arg(error.line).arg(error.message) : error.message);
        if (ledger.errors().size() > 20)
            lines.append(tr("…and %n more.", nullptr, int(ledger.errors().size() - 20)));
        QMessageBox box(QMessageBox::Warning, tr("Open ledger"),
                        tr("The ledger %1 cannot be reconciled until these lines are fixed:").arg(QFileInfo(path).fileName()),
                        QMessageBox::Ok, this);
        box.setDetailedText(lines.join(u'\n'));
        box.setInformativeText(lines.mid(0, 5).join(u'\n'));
        if (!qEnvironmentVariableIsSet("KESSAI_TEST_NO_DIALOGS"))
            box.exec();
        showError(lines.value(0));
        return false;
    }
    m_ledger = std::move(ledger);
    m_ledgerPath = path;
    const QLocale locale;
    m_ledgerLabel->setText(tr("%1 — %2 orders (columns: %3, %4)")
                               .arg(QDir::toNativeSeparators(path), locale.toString(m_ledger->entries().size()),
                                    m_ledger->header().value(m_ledger->mapping().tradingIdColumn),
                                    m_ledger->header().value(m_ledger->mapping().amountColumn)));
    updateButtons();
    return true;
}

std::optional<LedgerMapping> ReconcilePage::askMapping(const Ledger &ledger)
{
    if (qEnvironmentVariableIsSet("KESSAI_TEST_NO_DIALOGS"))
        return std::nullopt;
    LedgerMappingDialog dialog(ledger, this);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.mapping();
}

void ReconcilePage::setStatement(const QString &statementId)
{
    const int index = m_statement->findData(statementId);
    if (index >= 0)
        m_statement->setCurrentIndex(index);
    m_byStatement->setChecked(true);
}

void ReconcilePage::setDateRange(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
    m_byDates->setChecked(true);
}

void ReconcilePage::reconcile()
{
    if (!m_ledger || m_reader->isRunning() || m_captured->isRunning())
        return;
    m_error->hide();
    if (m_byDates->isChecked()) {
        if (!m_from->date().isValid() || !m_to->date().isValid() || m_from->date() > m_to->date()) {
            showError(tr("Enter the first and the last cleared date of the payments to reconcile against."));
            return;
        }
        m_run->setEnabled(false);
        m_run->setText(tr("Reading the payments…"));
        m_captured->start(m_from->date(), m_to->date());
        return;
    }
    if (m_statement->currentIndex() < 0)
        return;
    m_run->setEnabled(false);
    m_run->setText(tr("Reading the statement…"));
    m_reader->start(m_statement->currentData().toString());
}

bool ReconcilePage::openWorkspace(qint64 id)
{
    if (!store())
        return false;
    const std::optional<ReconcileStore::Workspace> workspace = store()->workspace(id);
    if (!workspace)
        return false;
    m_workspaceId = id;
    m_model->setRows(store()->rows(id));
    m_view->resizeColumnsToContents();
    if (const int index = m_workspace->findData(id); index >= 0)
        m_workspace->setCurrentIndex(index);
    if (workspace->statementId) {
        m_byStatement->setChecked(true);
        setStatement(QString::number(*workspace->statementId));
    } else if (workspace->payoutFrom.isValid()) {
        setDateRange(workspace->payoutFrom, workspace->payoutTo);
    }
    // The ledger as it was: reopened only if the file is unchanged, else the rows stand alone.
    const Ledger ledger = Ledger::read(workspace->ledgerPath, workspace->mapping);
    if (ledger.isClean() && ledger.sha256() == workspace->ledgerSha256) {
        m_ledger = ledger;
        m_ledgerPath = workspace->ledgerPath;
        m_ledgerLabel->setText(QDir::toNativeSeparators(workspace->ledgerPath));
    }
    updateSummary();
    updateButtons();
    return true;
}

bool ReconcilePage::exportReportTo(const QString &path)
{
    const CsvError error = writeReconcileReport(path, m_model->rows());
    if (error.isError()) {
        QMessageBox::warning(this, tr("Export reconciliation report"),
                             tr("The export failed. No file was written.") + u'\n' + error.message());
        return false;
    }
    return true;
}

void ReconcilePage::askLedger()
{
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("reconcile/folder"),
                                          QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                               .toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open ledger"), folder, tr("CSV files (*.csv *.txt)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("reconcile/folder"), QFileInfo(path).absolutePath());
    openLedger(path);
}

void ReconcilePage::askExport()
{
    if (m_model->rowCount() == 0)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export reconciliation report"),
        QDir(folder).filePath(QStringLiteral("reconcile_%1.csv").arg(QDate::currentDate().toString(QStringLiteral("yyyyMMdd")))),
        tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportReportTo(path);
}

void ReconcilePage::updateSummary()
{
    if (m_model->rowCount() == 0) {
        m_summary->clear();
        return;
    }
    const QLocale locale;
    QStringList parts;
    for (int i = 0; i < ReconcileStatusCount; ++i) {
        const ReconcileTotal &total = m_model->totals()[size_t(i)];
        parts.append(tr("%1 %2", "status and count").arg(reconcileStatusLabel(ReconcileStatus(i)), locale.toString(total.count)));
    }
    const ReconcileTotal &matched = m_model->totals()[size_t(ReconcileStatus::Matched)];
    m_summary->setText(tr("%1 · matched %2 · %3 of %4 rows resolved")
                           .arg(parts.join(QStringLiteral(" / ")), formatYen(matched.statementAmount, locale),
                                locale.toString(m_model->resolvedCount()), locale.toString(m_model->rowCount())));
}

void ReconcilePage::updateButtons()
{
    const bool sideChosen = m_byDates->isChecked() ? m_from->date().isValid() && m_to->date().isValid()
                                                   : m_statement->currentIndex() >= 0;
    m_run->setEnabled(m_ledger.has_value() && sideChosen && !m_reader->isRunning() && !m_captured->isRunning());
    m_export->setEnabled(m_model->rowCount() > 0);
    m_removeWorkspace->setEnabled(m_workspace->currentData().toLongLong() > 0);
}

void ReconcilePage::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

} // namespace kessai
