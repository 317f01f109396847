#include "statementspage.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "common/paymentdetaildialog.h"
#include "common/exportprogress.h"
#include "common/tableexportdialog.h"
#include "domain/paymentcatalog.h"
#include "export/statementexport.h"
#include "statements/statementlinesmodel.h"
#include "statements/statementmethodsmodel.h"
#include "statements/statementsmodel.h"
#include "statements/payoutchart.h"
#include "statements/statementdocument.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace kessai {

namespace {

constexpr int ChartStatements = 12;

QTableView *makeTable(const QString &name)
{
    auto *view = new QTableView;
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

QString settingsGroup()
{
    return QStringLiteral("pages/statements");
}

} // namespace

StatementsPage::StatementsPage(MerchantClient *client, QWidget *parent)
    : Page(parent)
    , m_client(client)
    , m_statements(new StatementsModel(this))
    , m_methods(new StatementMethodsModel(this))
    , m_lines(new StatementLinesModel(this))
    , m_year(new QComboBox)
    , m_reload(new QPushButton(tr("Reload")))
    , m_exportSummary(new QPushButton(tr("Export statement…")))
    , m_exportLines(new QPushButton(tr("Export lines…")))
    , m_exportPdf(new QPushButton(tr("Statement PDF…")))
    , m_splitter(new QSplitter(Qt::Vertical))
    , m_statementView(makeTable(QStringLiteral("statementList")))
    , m_heading(new QLabel)
    , m_tabs(new QTabWidget)
    , m_methodView(makeTable(QStringLiteral("statementMethods")))
    , m_payout(new QLabel)
    , m_chart(new PayoutChart)
    , m_lineType(new QComboBox)
    , m_lineKind(new QComboBox)
    , m_lineSummary(new QLabel)
    , m_lineView(makeTable(QStringLiteral("statementLines")))
    , m_error(new QLabel)
    , m_reloadAction(new QAction(tr("Reload statements"), this))
    , m_exportSummaryAction(new QAction(tr("Export statement…"), this))
    , m_exportLinesAction(new QAction(tr("Export statement lines…"), this))
    , m_exportPdfAction(new QAction(tr("Save the statement as PDF…"), this))
{
    setObjectName(QStringLiteral("statementsPage"));
    m_statements->setClient(client);
    m_lines->setClient(client);

    m_year->setObjectName(QStringLiteral("statementYear"));
    m_year->addItem(tr("All years"), 0);
    m_reload->setObjectName(QStringLiteral("statementReload"));
    m_exportSummary->setObjectName(QStringLiteral("exportStatement"));
    m_exportLines->setObjectName(QStringLiteral("exportStatementLines"));
    m_exportPdf->setObjectName(QStringLiteral("exportStatementPdf"));
    m_exportSummary->setEnabled(false);
    m_exportLines->setEnabled(false);
    m_exportPdf->setEnabled(false);
    auto *yearLabel = new QLabel(tr("Payout &year:"));
    yearLabel->setBuddy(m_year);

    auto *bar = new QHBoxLayout;
    bar->addWidget(yearLabel);
    bar->addWidget(m_year);
    bar->addWidget(m_reload);
    bar->addStretch(1);
    bar->addWidget(m_exportPdf);
    bar->addWidget(m_exportSummary);
    bar->addWidget(m_exportLines);

    m_statementView->setModel(m_statements);
    m_statementView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_statementView->horizontalHeader()->setStretchLastSection(false);
    m_statementView->setAccessibleName(tr("Statements"));

    m_heading->setObjectName(QStringLiteral("statementHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_heading->setFont(headingFont);

    // 内訳: the method table and the payout arithmetic on the left, the chart on the right.
    m_methodView->setModel(m_methods);
    m_methodView->setSelectionMode(QAbstractItemView::NoSelection);
    m_methodView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_methodView->setAccessibleName(tr("Breakdown by payment method"));
    m_payout->setObjectName(QStringLiteral("statementPayout"));
    m_payout->setTextFormat(Qt::RichText);
    m_payout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_methodView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_methodView->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto *breakdown = new QWidget;
    auto *below = new QHBoxLayout;
    below->addWidget(m_payout, 0, Qt::AlignTop);
    below->addWidget(m_chart, 1);
    auto *breakdownLayout = new QVBoxLayout(breakdown);
    breakdownLayout->addWidget(m_methodView);
    breakdownLayout->addLayout(below, 1);
    m_tabs->addTab(breakdown, tr("&Breakdown"));

    // 明細行: filters and the lines.
    m_lineType->setObjectName(QStringLiteral("lineType"));
    m_lineKind->setObjectName(QStringLiteral("lineKind"));
    m_lineType->addItem(tr("All payment methods"), QString());
    m_lineKind->addItem(tr("Sales and cancels"), QString());
    m_lineKind->addItem(StatementLinesModel::kindLabel(QStringLiteral("sale")), QStringLiteral("sale"));
    m_lineKind->addItem(StatementLinesModel::kindLabel(QStringLiteral("cancel")), QStringLiteral("cancel"));
    m_lineSummary->setObjectName(QStringLiteral("lineSummary"));
    m_lineView->setModel(m_lines);
    m_lineView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_lineView->horizontalHeader()->setStretchLastSection(false);
    m_lineView->setAccessibleName(tr("Statement lines"));
    m_lineView->setToolTip(tr("Double-click a line (or press Enter) to open its payment."));
    auto *lineFilters = new QHBoxLayout;
    auto *typeLabel = new QLabel(tr("&Method:"));
    typeLabel->setBuddy(m_lineType);
    auto *kindLabel = new QLabel(tr("&Kind:"));
    kindLabel->setBuddy(m_lineKind);
    lineFilters->addWidget(typeLabel);
    lineFilters->addWidget(m_lineType);
    lineFilters->addWidget(kindLabel);
    lineFilters->addWidget(m_lineKind);
    lineFilters->addStretch(1);
    lineFilters->addWidget(m_lineSummary);
    auto *linesTab = new QWidget;
    auto *lines = new QVBoxLayout(linesTab);
    lines->addLayout(lineFilters);
    lines->addWidget(m_lineView, 1);
    m_tabs->addTab(linesTab, tr("&Lines"));
    m_tabs->setObjectName(QStringLiteral("statementTabs"));

    auto *detail = new QWidget;
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_heading);
    detailLayout->addWidget(m_tabs, 1);
    m_splitter->setObjectName(QStringLiteral("statementSplitter"));
    m_splitter->addWidget(m_statementView);
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({260, 440});

    m_error->setObjectName(QStringLiteral("statementError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b01c1c;"));
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addWidget(m_splitter, 1);

    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_exportSummaryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportLinesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportPdfAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_exportSummaryAction->setEnabled(false);
    m_exportLinesAction->setEnabled(false);
    m_exportPdfAction->setEnabled(false);

    connect(m_reload, &QPushButton::clicked, this, &StatementsPage::reload);
    connect(m_reloadAction, &QAction::triggered, this, &StatementsPage::reload);
    connect(m_exportSummary, &QPushButton::clicked, this, &StatementsPage::askExportSummary);
    connect(m_exportSummaryAction, &QAction::triggered, this, &StatementsPage::askExportSummary);
    connect(m_exportLines, &QPushButton::clicked, this, &StatementsPage::askExportLines);
    connect(m_exportLinesAction, &QAction::triggered, this, &StatementsPage::askExportLines);
    connect(m_exportPdf, &QPushButton::clicked, this, &StatementsPage::askExportPdf);
    connect(m_exportPdfAction, &QAction::triggered, this, &StatementsPage::askExportPdf);
    connect(m_year, &QComboBox::activated, this, [this] { setYear(m_year->currentData().toInt()); });
    connect(m_lineType, &QComboBox::activated, this, &StatementsPage::loadLines);
    connect(m_lineKind, &QComboBox::activated, this, &StatementsPage::loadLines);
    connect(m_statementView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &StatementsPage::currentStatementChanged);
    connect(m_statements, &StatementsModel::pageLoaded, this, [this] {
        if (!m_statementView->currentIndex().isValid() && m_statements->rowCount() > 0)
            m_statementView->setCurrentIndex(m_statements->index(0, 0));
        updateYears();
        requestChart();
    });
    connect(m_statements, &StatementsModel::errorOccurred, this, &StatementsPage::showError);
    connect(m_lines, &StatementLinesModel::errorOccurred, this, &StatementsPage::showError);
    connect(m_lines, &StatementLinesModel::pageLoaded, this, [this] {
        updateLinesSummary();
        if (!m_lineColumnsSized && m_lines->rowCount() > 0) {
            m_lineColumnsSized = true;
            m_lineView->resizeColumnsToContents();
        }
    });
    connect(m_lineView, &QTableView::activated, this, &StatementsPage::openLine);
}

StatementsPage::~StatementsPage() = default;

void StatementsPage::pageShown(bool firstTime)
{
    if (firstTime)
        m_statements->load(m_year->currentData().toInt());
    m_statementView->setFocus();
}

QList<QAction *> StatementsPage::menuActions() const
{
    return {m_reloadAction, m_exportPdfAction, m_exportSummaryAction, m_exportLinesAction};
}

QList<QPair<QString, QString>> StatementsPage::keyboardHelp() const
{
    return {{tr("Up / Down in the list"), tr("Show another statement")},
            {tr("Enter on a line"), tr("Open the line's payment")}};
}

void StatementsPage::saveState() const
{
    QSettings settings;
    settings.beginGroup(settingsGroup());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("tab"), m_tabs->currentIndex());
    settings.setValue(QStringLiteral("lineColumns"), m_lineView->horizontalHeader()->saveState());
}

void StatementsPage::restoreState()
{
    QSettings settings;
    settings.beginGroup(settingsGroup());
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("tab"), 0).toInt());
    const QByteArray columns = settings.value(QStringLiteral("lineColumns")).toByteArray();
    if (!columns.isEmpty())
        m_lineColumnsSized = m_lineView->horizontalHeader()->restoreState(columns);
}

const Statement *StatementsPage::shownStatement() const
{
    const auto it = m_details.constFind(m_shownId);
    return it == m_details.constEnd() ? nullptr : &it.value();
}

void StatementsPage::showStatement(const QString &statementId)
{
    const int row = m_statements->rowOfStatement(statementId);
    if (row >= 0)
        m_statementView->setCurrentIndex(m_statements->index(row, 0));
}

void StatementsPage::setYear(int year)
{
    const int index = m_year->findData(year);
    if (index < 0) {
        m_year->addItem(QString::number(year), year);
        m_year->setCurrentIndex(m_year->count() - 1);
    } else {
        m_year->setCurrentIndex(index);
    }
    m_shownId.clear();
    m_methods->clear();
    m_lines->load({});
    m_heading->clear();
    m_payout->clear();
    m_statements->load(year);
}

void StatementsPage::setLineFilter(const QString &type, const QString &kind)
{
    const int typeIndex = m_lineType->findData(type);
    const int kindIndex = m_lineKind->findData(kind);
    m_lineType->setCurrentIndex(std::max(0, typeIndex));
    m_lineKind->setCurrentIndex(std::max(0, kindIndex));
    loadLines();
}

void StatementsPage::reload()
{
    m_error->hide();
    m_statements->load(m_year->currentData().toInt());
}

void StatementsPage::updateYears()
{
    if (m_statements->year() != 0)
        return;
    // The years the merchant has payouts in, newest first, after "All years".
    QList<int> years;
    for (int row = 0; row < m_statements->rowCount(); ++row) {
        const int year = m_statements->statementAt(row)->payoutDate.year();
        if (!years.contains(year) && m_year->findData(year) < 0)
            years.append(year);
    }
    for (int year : std::as_const(years)) {
        int at = 1;
        while (at < m_year->count() && m_year->itemData(at).toInt() > year)
            ++at;
        m_year->insertItem(at, QString::number(year), year);
    }
}

void StatementsPage::currentStatementChanged()
{
    const Statement *row = m_statements->statementAt(m_statementView->currentIndex().row());
    if (!row || row->id == m_shownId)
        return;
    m_shownId = row->id;
    m_error->hide();
    m_heading->setText(tr("%1 · closing date %2 · payout date %3")
                           .arg(StatementsModel::periodText(*row), row->closingDate.toString(QStringLiteral("yyyy/MM/dd")),
                                row->payoutDate.toString(QStringLiteral("yyyy/MM/dd"))));
    if (const auto it = m_details.constFind(row->id); it != m_details.constEnd()) {
        detailArrived(it.value());
        return;
    }
    m_methods->clear();
    m_payout->setText(tr("Loading…"));
    if (!m_client)
        return;
    ApiReply *reply = m_client->statement(row->id);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            showError(reply->error());
            return;
        }
        const std::optional<Statement> statement = readStatement(*reply);
        if (!statement) {
            ApiError error;
            error.kind = ApiError::Kind::Server;
            error.message = tr("The gateway's answer could not be read.");
            showError(error);
            return;
        }
        m_details.insert(statement->id, *statement);
        if (statement->id == m_shownId)
            detailArrived(*statement);
    });
}

void StatementsPage::detailArrived(const Statement &s)
{
    m_methods->setStatement(s);
    // The table shows every method and the totals without scrolling.
    m_methodView->resizeColumnsToContents();
    int height = m_methodView->horizontalHeader()->height() + 2 * m_methodView->frameWidth();
    for (int row = 0; row < m_methods->rowCount(); ++row)
        height += m_methodView->rowHeight(row);
    if (m_methodView->horizontalScrollBar()->isVisible())
        height += m_methodView->horizontalScrollBar()->sizeHint().height();
    m_methodView->setFixedHeight(height);
    m_exportSummary->setEnabled(true);
    m_exportLines->setEnabled(true);
    m_exportSummaryAction->setEnabled(true);
    m_exportLinesAction->setEnabled(true);
    m_exportPdf->setEnabled(true);
    m_exportPdfAction->setEnabled(true);

    const QLocale locale;
    const auto yen = [&locale](Yen amount) { return formatYen(amount, locale).toHtmlEscaped(); };
    const auto line = [](const QString &label, const QString &amount, bool strong = false) {
        const QString cell = strong ? QStringLiteral("<b>%1</b>") : QStringLiteral("%1");
        return QStringLiteral("<tr><td>%1</td><td align=\"right\" style=\"padding-left:24px\">%2</td></tr>")
            .arg(cell.arg(label.toHtmlEscaped()), cell.arg(amount));
    };
    QString html = QStringLiteral("<table cellspacing=\"2\">");
    html += line(tr("Sales"), yen(s.figures.saleAmount));
    html += line(tr("Cancels"), yen(-s.figures.cancelAmount));
    html += line(tr("Fees"), yen(-s.figures.fee));
    html += line(tr("Consumption tax on fees"), yen(-s.figures.tax));
    html += line(tr("Net"), yen(s.figures.net), true);
    html += line(tr("Carried in from the previous statement"), yen(s.carryIn));
    html += line(tr("Transfer fee"), yen(-s.transferFee));
    html += line(tr("Carried over to the next statement"), yen(-s.carryOut));
    html += line(tr("Payout"), yen(s.payout), true);
    html += QStringLiteral("</table>");
    m_payout->setText(html);
    if (!s.isBalanced()) {
        // The gateway promises that every figure adds up; say so loudly if one does not.
        m_error->setText(tr("The figures of this statement do not add up. Do not use it for accounting; "
                            "report it to the payment company."));
        m_error->show();
    }

    const QString type = m_lineType->currentData().toString();
    m_lineType->clear();
    m_lineType->addItem(tr("All payment methods"), QString());
    for (const StatementMethod &method : s.methods)
        m_lineType->addItem(PaymentCatalog::typeLabel(method.type), method.type);
    m_lineType->setCurrentIndex(std::max(0, m_lineType->findData(type)));
    loadLines();
    Q_EMIT statementShown(s.id);
}

void StatementsPage::loadLines()
{
    const Statement *s = shownStatement();
    StatementLineQuery query;
    if (s) {
        query.statementId = s->id;
        if (const QString type = m_lineType->currentData().toString(); !type.isEmpty())
            query.types = {type};
        if (const QString kind = m_lineKind->currentData().toString(); !kind.isEmpty())
            query.kinds = {kind};
    }
    m_lines->load(query);
    updateLinesSummary();
}

void StatementsPage::updateLinesSummary()
{
    const Statement *s = shownStatement();
    if (!s) {
        m_lineSummary->clear();
        return;
    }
    // The statement's counts say how many lines the filter holds before they are read.
    const QString type = m_lineType->currentData().toString();
    const QString kind = m_lineKind->currentData().toString();
    qint64 expected = 0;
    for (const StatementMethod &method : s->methods) {
        if (!type.isEmpty() && method.type != type)
            continue;
        if (kind.isEmpty() || kind == QLatin1String("sale"))
            expected += method.figures.saleCount;
        if (kind.isEmpty() || kind == QLatin1String("cancel"))
            expected += method.figures.cancelCount;
    }
    const QLocale locale;
    m_lineSummary->setText(tr("%1 of %2 lines shown")
                               .arg(locale.toString(m_lines->rowCount()), locale.toString(expected)));
}

void StatementsPage::requestChart()
{
    if (!m_chartIds.isEmpty() || m_statements->year() != 0 || !m_client)
        return;
    for (int row = 0; row < std::min(ChartStatements, m_statements->rowCount()); ++row)
        m_chartIds.append(m_statements->statementAt(row)->id);
    const auto drawWhenComplete = [this] {
        QList<Statement> statements;
        for (const QString &id : std::as_const(m_chartIds)) {
            const auto it = m_details.constFind(id);
            if (it == m_details.constEnd())
                return;
            statements.append(it.value());
        }
        m_chart->setStatements(statements);
    };
    for (const QString &id : std::as_const(m_chartIds)) {
        if (m_details.contains(id))
            continue;
        ApiReply *reply = m_client->statement(id);
        connect(reply, &ApiReply::finished, this, [this, reply, drawWhenComplete] {
            if (!reply->ok())
                return; // the chart stays as it was; the list says what went wrong
            if (const std::optional<Statement> statement = readStatement(*reply)) {
                m_details.insert(statement->id, *statement);
                drawWhenComplete();
            }
        });
    }
    drawWhenComplete();
}

void StatementsPage::openLine(const QModelIndex &index)
{
    const QString paymentId = index.data(StatementLinesModel::PaymentIdRole).toString();
    if (paymentId.isEmpty() || !m_client)
        return;
    auto *dialog = new PaymentDetailDialog(m_client, paymentId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

bool StatementsPage::exportSummaryTo(const QString &path, ExportFormat format, TableWriter::Options options)
{
    const Statement *s = shownStatement();
    if (!s)
        return false;
    options.sheetName = tr("Statement %1").arg(s->payoutDate.toString(QStringLiteral("yyyyMMdd")));
    const ExportResult result = StatementExport::writeSummary(*s, path, format, options);
    if (!result.ok()) {
        QMessageBox::warning(this, tr("Export statement"),
                             tr("The export failed. No file was written.") + u'\n' + result.errorText());
        return false;
    }
    return true;
}

void StatementsPage::exportLinesTo(const QString &path, ExportFormat format, TableWriter::Options options)
{
    const Statement *s = shownStatement();
    if (!s || (m_exporter && m_exporter->isRunning()))
        return;
    if (!m_exporter) {
        m_exporter = new StatementLinesExporter(m_client, this);
        new ExportProgress(m_exporter, this, tr("Export statement lines"), tr("Exporting statement lines…"));
        connect(m_exporter, &StatementLinesExporter::finished, this, &StatementsPage::linesExportFinished);
    }
    StatementLineQuery query = m_lines->query();
    query.statementId = s->id;
    m_exporter->setQuery(query);
    m_exporter->setOutputPath(path);
    m_exporter->setFormat(format);
    options.sheetName = tr("Lines %1").arg(s->payoutDate.toString(QStringLiteral("yyyyMMdd")));
    m_exporter->setOptions(options);
    m_exporter->setExpectedRows(s->lineCount);
    m_exporter->start();
}

bool StatementsPage::exportPdfTo(const QString &path)
{
    const Statement *s = shownStatement();
    if (!s)
        return false;
    StatementDocument::Merchant merchant;
    if (m_client) {
        merchant.id = m_client->user().merchantId;
        merchant.name = m_client->user().merchantName;
    }
    QString error;
    if (!StatementDocument::writePdf(*s, merchant, path, &error)) {
        QMessageBox::warning(this, tr("Save the statement as PDF"),
                             tr("The PDF could not be written. No file was written.") + u'\n' + error);
        return false;
    }
    return true;
}

void StatementsPage::askExportPdf()
{
    const Statement *s = shownStatement();
    if (!s)
        return;
    QSettings settings;
    const QString folder = settings
                               .value(QStringLiteral("exports/statement-pdf/folder"),
                                      QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                               .toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the statement as PDF"),
                                                      QDir(folder).filePath(StatementDocument::defaultFileName(*s)),
                                                      tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("exports/statement-pdf/folder"), QFileInfo(path).absolutePath());
    exportPdfTo(path);
}

void StatementsPage::askExportSummary()
{
    const Statement *s = shownStatement();
    if (!s)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    TableExportDialog dialog(QStringLiteral("statement"), tr("Export statement"),
                             QDir(folder).filePath(StatementExport::defaultFileName(*s, false, ExportFormat::CsvUtf8Bom)),
                             tr("One row per payment method, the totals and the payout."), this);
    dialog.setColumns(StatementExport::summaryColumns(true), StatementExport::summaryColumns(false));
    if (dialog.exec() == QDialog::Accepted)
        exportSummaryTo(dialog.path(), dialog.format(), dialog.writerOptions());
}

void StatementsPage::askExportLines()
{
    const Statement *s = shownStatement();
    if (!s)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    TableExportDialog dialog(QStringLiteral("statement-lines"), tr("Export statement lines"),
                             QDir(folder).filePath(StatementExport::defaultFileName(*s, true, ExportFormat::CsvUtf8Bom)),
                             tr("Every line of the statement that the method and kind filters show, not only the rows "
                                "on screen."),
                             this);
    dialog.setColumns(StatementExport::lineColumns(true), StatementExport::lineColumns(false));
    if (dialog.exec() == QDialog::Accepted)
        exportLinesTo(dialog.path(), dialog.format(), dialog.writerOptions());
}

void StatementsPage::showError(const ApiError &error)
{
    m_error->setText(error.displayText());
    m_error->show();
}

} // namespace kessai
