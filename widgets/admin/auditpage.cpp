#include "auditpage.h"

#include "admin/auditmodel.h"
#include "api/useradmin.h"
#include "api/merchantclient.h"
#include "common/dateedit.h"
#include "common/exportprogress.h"
#include "common/tableexportdialog.h"
#include "domain/japantime.h"
#include "export/auditexport.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace kessai {

AuditPage::AuditPage(MerchantClient *client, QWidget *parent)
    : Page(parent)
    , m_client(client)
    , m_model(new AuditModel(this))
    , m_loginId(new QLineEdit)
    , m_target(new QLineEdit)
    , m_action(new QComboBox)
    , m_result(new QComboBox)
    , m_from(new DateEdit)
    , m_to(new DateEdit)
    , m_search(new QPushButton(tr("&Search")))
    , m_view(new QTableView)
    , m_summary(new QLabel)
    , m_reloadAction(new QAction(tr("Search the audit log again"), this))
    , m_exportAction(new QAction(tr("&Export the audit log…"), this))
{
    setObjectName(QStringLiteral("auditPage"));
    m_model->setClient(client);
    m_loginId->setObjectName(QStringLiteral("auditLoginId"));
    m_loginId->setPlaceholderText(tr("Login ID"));
    m_loginId->setClearButtonEnabled(true);
    m_target->setObjectName(QStringLiteral("auditTarget"));
    m_target->setPlaceholderText(tr("Payment ID, trading ID or login ID"));
    m_target->setToolTip(tr("Only the entries about this payment (its payment ID or trading ID), this user or this "
                            "statement."));
    m_target->setClearButtonEnabled(true);
    // The whole hint readable (Japanese runs longer than the login ID's).
    m_target->setMinimumWidth(m_target->fontMetrics().horizontalAdvance(m_target->placeholderText()) + 40);
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->addItem(tr("All actions"), QString());
    for (const QString &action : auditActions())
        m_action->addItem(auditActionLabel(action), action);
    m_result->setObjectName(QStringLiteral("auditResult"));
    m_result->setEditable(true);
    m_result->addItem(QString());
    for (const QString &result : {QStringLiteral("ok"), QStringLiteral("forbidden"), QStringLiteral("not_found"),
                                  QStringLiteral("invalid_credentials"), QStringLiteral("account_locked"),
                                  QStringLiteral("certificate_mismatch"), QStringLiteral("conflict")})
        m_result->addItem(result);
    m_result->lineEdit()->setPlaceholderText(tr("Any result"));
    m_from->setObjectName(QStringLiteral("auditFrom"));
    m_to->setObjectName(QStringLiteral("auditTo"));
    m_search->setObjectName(QStringLiteral("auditSearch"));
    m_search->setDefault(true);
    m_summary->setObjectName(QStringLiteral("auditSummary"));

    auto *filters = new QHBoxLayout;
    auto *userLabel = new QLabel(tr("&User:"));
    userLabel->setBuddy(m_loginId);
    auto *actionLabel = new QLabel(tr("&Action:"));
    actionLabel->setBuddy(m_action);
    auto *resultLabel = new QLabel(tr("&Result:"));
    resultLabel->setBuddy(m_result);
    auto *targetLabel = new QLabel(tr("Ab&out:"));
    targetLabel->setBuddy(m_target);
    auto *dateLabel = new QLabel(tr("&Days:"));
    dateLabel->setBuddy(m_from->lineEdit());
    filters->addWidget(userLabel);
    filters->addWidget(m_loginId);
    filters->addWidget(actionLabel);
    filters->addWidget(m_action);
    filters->addWidget(resultLabel);
    filters->addWidget(m_result);
    filters->addWidget(targetLabel);
    filters->addWidget(m_target, 1);
    // The days, the search and the export on a second row: one row does not fit 1280 pixels in
    // Japanese.
    auto *secondRow = new QHBoxLayout;
    secondRow->addWidget(dateLabel);
    secondRow->addWidget(m_from);
    secondRow->addWidget(new QLabel(tr("to", "days from … to …")));
    secondRow->addWidget(m_to);
    secondRow->addWidget(m_search);
    secondRow->addStretch(1);
    auto *exportButton = new QToolButton;
    exportButton->setObjectName(QStringLiteral("auditExport"));
    exportButton->setDefaultAction(m_exportAction);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    secondRow->addWidget(exportButton);

    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("auditView"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("Double-click an entry (or press Enter) to see all of it."));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(secondRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    m_reloadAction->setShortcut(QKeySequence::Refresh);
    connect(m_reloadAction, &QAction::triggered, this, &AuditPage::searchFromFilters);
    connect(m_search, &QPushButton::clicked, this, &AuditPage::searchFromFilters);
    m_exportAction->setObjectName(QStringLiteral("auditExportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Export every entry the filters find, not only the rows on screen (Ctrl+E)"));
    connect(m_exportAction, &QAction::triggered, this, &AuditPage::askExport);
    connect(m_loginId, &QLineEdit::returnPressed, this, &AuditPage::searchFromFilters);
    connect(m_target, &QLineEdit::returnPressed, this, &AuditPage::searchFromFilters);
    connect(m_result->lineEdit(), &QLineEdit::returnPressed, this, &AuditPage::searchFromFilters);
    connect(m_action, &QComboBox::activated, this, &AuditPage::searchFromFilters);
    connect(m_view, &QTableView::activated, this, &AuditPage::showEntry);
    connect(m_model, &AuditModel::pageLoaded, this, [this] {
        updateSummary();
        if (m_model->rowCount() > 0 && m_model->rowCount() <= m_model->pageSize())
            m_view->resizeColumnsToContents();
    });
    connect(m_model, &AuditModel::errorOccurred, this, [this](const ApiError &error) { m_summary->setText(error.displayText()); });
}

AuditPage::~AuditPage() = default;

void AuditPage::pageShown(bool firstTime)
{
    if (firstTime)
        searchFromFilters();
}

QList<QAction *> AuditPage::menuActions() const
{
    return {m_reloadAction, m_exportAction};
}

AuditQuery AuditPage::currentQuery() const
{
    AuditQuery query;
    query.loginId = m_loginId->text().trimmed();
    query.action = m_action->currentData().toString();
    query.result = m_result->currentText().trimmed();
    query.target = m_target->text().trimmed();
    query.from = m_from->date();
    query.to = m_to->date();
    return query;
}

void AuditPage::search(const AuditQuery &query)
{
    m_loginId->setText(query.loginId);
    m_action->setCurrentIndex(std::max(0, m_action->findData(query.action)));
    m_result->setCurrentText(query.result);
    m_target->setText(query.target);
    m_from->setDate(query.from);
    m_to->setDate(query.to);
    m_model->search(query);
    updateSummary();
}

void AuditPage::searchFromFilters()
{
    search(currentQuery());
}

void AuditPage::updateSummary()
{
    const QLocale locale;
    m_summary->setText(m_model->isExhausted() ? tr("%1 entries").arg(locale.toString(m_model->rowCount()))
                                              : tr("%1 entries shown; scroll for older ones").arg(locale.toString(m_model->rowCount())));
}

void AuditPage::askExport()
{
    if (m_exporter && m_exporter->isRunning())
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = AuditExporter::defaultFileName(currentQuery(), JapanTime::today(), ExportFormat::CsvUtf8Bom);
    TableExportDialog dialog(QStringLiteral("audit"), tr("Export the audit log"), QDir(folder).filePath(name),
                             tr("Every entry the filters find, newest first, not only the rows on screen."), this);
    dialog.setColumns(AuditExporter::auditColumns(true), AuditExporter::auditColumns(false));
    if (dialog.exec() == QDialog::Accepted)
        exportTo(dialog.path(), dialog.format(), dialog.writerOptions());
}

void AuditPage::exportTo(const QString &path, ExportFormat format, TableWriter::Options options)
{
    if (m_exporter && m_exporter->isRunning())
        return;
    if (!m_exporter) {
        m_exporter = new AuditExporter(m_client, this);
        new ExportProgress(m_exporter, this, tr("Export the audit log"), tr("Exporting the audit log…"));
        connect(m_exporter, &AuditExporter::finished, this, &AuditPage::exportFinished);
    }
    const AuditQuery query = currentQuery();
    m_exporter->setQuery(query);
    m_exporter->setOutputPath(path);
    m_exporter->setFormat(format);
    options.sheetName = tr("Audit log");
    m_exporter->setOptions(options);
    // The total is known when the table already holds every entry of these filters.
    m_exporter->setExpectedRows(m_model->query() == query && m_model->isExhausted() ? m_model->rowCount() : -1);
    m_exporter->start();
}

void AuditPage::showEntry(const QModelIndex &index)
{
    const AuditEntry *e = m_model->entryAt(index.row());
    if (!e)
        return;
    QString text = tr("Time: %1 (Japan time)\nUser: %2\nAction: %3 (%4)\nTarget: %5\nResult: %6\nFrom: %7\nRequest ID: %8")
                       .arg(JapanTime::format(e->at), e->loginId, auditActionLabel(e->action), e->action, e->target,
                            e->result, e->origin, e->requestId);
    if (!e->detail.isEmpty())
        text += u'\n' + tr("Detail: %1").arg(e->detail);
    QMessageBox box(QMessageBox::Information, tr("Audit entry"), text, QMessageBox::Close, this);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
}

} // namespace kessai
