#include "searchpage.h"

#include "payments/bulkactionbar.h"

#include "searchconditions.h"

#include "api/merchantclient.h"
#include "domain/paymentcatalog.h"
#include "export/paymentexporter.h"
#include "domain/japantime.h"
#include "domain/money.h"
#include "payments/paymentsmodel.h"
#include "common/paymentdetaildialog.h"
#include "common/exportprogress.h"
#include "common/tableexportdialog.h"
#include "supportlookupdialog.h"
#include "profile/profile.h"
#include "profile/savedsearches.h"

#include <QAction>
#include <QKeyEvent>
#include <QInputDialog>
#include <QMenu>
#include <QSettings>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProxyStyle>
#include <QPushButton>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace kessai {

namespace {

// QHeaderView hands the style "SortDown" for ascending order and "SortUp" for descending, so
// newest first showed an arrow pointing up. The arrow here points to where the smaller values
// are: ▲ ascending, ▼ descending (newest first), as in Explorer and Excel.
class SortArrowStyle final : public QProxyStyle
{
public:
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        const auto *header = qstyleoption_cast<const QStyleOptionHeader *>(option);
        if (element != PE_IndicatorHeaderArrow || !header) {
            QProxyStyle::drawPrimitive(element, option, painter, widget);
            return;
        }
        QStyleOptionHeader swapped(*header);
        if (header->sortIndicator == QStyleOptionHeader::SortUp)
            swapped.sortIndicator = QStyleOptionHeader::SortDown;
        else if (header->sortIndicator == QStyleOptionHeader::SortDown)
            swapped.sortIndicator = QStyleOptionHeader::SortUp;
        QProxyStyle::drawPrimitive(element, &swapped, painter, widget);
    }
};

} // namespace

SearchPage::SearchPage(MerchantClient *client, BulkService *bulk, QWidget *parent)
    : Page(parent)
    , m_model(new PaymentsModel(this))
    , m_conditions(new SearchConditions)
    , m_table(new QTableView)
    , m_summary(new QLabel)
    , m_checkSummary(new QLabel)
    , m_checkAllButton(new QPushButton(tr("Check all")))
    , m_uncheckAllButton(new QPushButton(tr("Uncheck all")))
    , m_error(new QLabel)
    , m_note(new QLabel)
    , m_stale(new QLabel)
    , m_exportButton(new QPushButton(tr("Export…")))
    , m_bulkBar(new BulkActionBar(m_model, client, bulk))
{
    setObjectName(QStringLiteral("searchPage"));
    m_client = client;
    m_model->setClient(client);


    m_table->setObjectName(QStringLiteral("resultTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setSortIndicator(PaymentsModel::TradeTimeColumn, Qt::DescendingOrder);
    m_table->setSortingEnabled(true);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
        // Columns the gateway cannot sort by keep the indicator where the search really is.
        if (!PaymentsModel::isSortable(column)) {
            const QSignalBlocker blocker(m_table->horizontalHeader());
            const int current = [this] {
                switch (m_model->query().sort) {
                case PaymentQuery::SortKey::Amount: return int(PaymentsModel::AmountColumn);
                case PaymentQuery::SortKey::DueTime: return int(PaymentsModel::DueTimeColumn);
                case PaymentQuery::SortKey::ClearedTime: return int(PaymentsModel::ClearedTimeColumn);
                case PaymentQuery::SortKey::TradingId: return int(PaymentsModel::TradingIdColumn);
                case PaymentQuery::SortKey::TradeTime: break;
                }
                return int(PaymentsModel::TradeTimeColumn);
            }();
            m_table->horizontalHeader()->setSortIndicator(current, m_model->query().descending ? Qt::DescendingOrder
                                                                                                 : Qt::AscendingOrder);
        }
    });
    connect(m_table, &QTableView::activated, this, &SearchPage::openPayment);
    connect(m_model, &PaymentsModel::refreshed, this, &SearchPage::followActedPayment);
    // When the rows were last read whole from the gateway (a search's first page, a refresh).
    connect(m_model, &PaymentsModel::refreshed, this, [this] {
        m_readAt = QDateTime::currentDateTimeUtc();
        m_error->hide();
    });
    connect(m_model, &PaymentsModel::pageLoaded, this, [this] {
        if (!m_readAt.isValid() || m_model->rowCount() <= m_model->pageSize()) {
            m_readAt = QDateTime::currentDateTimeUtc();
            m_error->hide();
        }
        // The lookup found exactly one payment: that is the answer, opened over the results.
        if (std::exchange(m_openLookupHit, false) && m_model->rowCount() == 1 && m_model->isExhausted()) {
            m_table->setCurrentIndex(m_model->index(0, PaymentsModel::TradingIdColumn));
            openPayment(m_model->index(0, PaymentsModel::TradingIdColumn));
        }
    });
    m_table->horizontalHeader()->setHighlightSections(false);
    auto *arrows = new SortArrowStyle;
    arrows->setParent(m_table->horizontalHeader());
    m_table->horizontalHeader()->setStyle(arrows);
    m_table->horizontalHeader()->setSectionResizeMode(PaymentsModel::CheckColumn, QHeaderView::Fixed);
    applyDefaultColumns();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_summary->setObjectName(QStringLiteral("resultSummary"));
    m_error->setObjectName(QStringLiteral("searchError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b01c1c;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_stale->setObjectName(QStringLiteral("staleNote"));
    m_stale->setWordWrap(true);
    m_stale->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    m_stale->hide();
    m_note->setObjectName(QStringLiteral("followNote"));
    m_note->setWordWrap(true);
    m_note->hide();

    m_checkAllButton->setObjectName(QStringLiteral("checkAllButton"));
    m_checkAllButton->setToolTip(tr("Check every payment that matches the search, not only the loaded rows"));
    m_uncheckAllButton->setObjectName(QStringLiteral("uncheckAllButton"));
    m_checkSummary->setObjectName(QStringLiteral("checkSummary"));
    auto *resultBar = new QHBoxLayout;
    resultBar->addWidget(m_summary);
    resultBar->addStretch();
    resultBar->addWidget(m_checkSummary);
    resultBar->addWidget(m_checkAllButton);
    resultBar->addWidget(m_uncheckAllButton);
    resultBar->addWidget(m_bulkBar);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    // Only for users the gateway allows to export; the rest never see an enabled button.
    // What the user may do decides what is offered; the gateway refuses the rest anyway.
    auto updatePermissions = [this] {
        const auto can = [this](const QString &permission) { return !m_client || m_client->user().can(permission); };
        m_exportButton->setVisible(can(QStringLiteral("export")));
        // Checks are for acting on payments: check all only for users who may act.
        const bool acts = can(QStringLiteral("capture")) || can(QStringLiteral("cancel"));
        m_checkAllButton->setVisible(acts);
        m_uncheckAllButton->setVisible(acts);
        // Only the payment types the user may view are offered.
        for (const PaymentTypeInfo &type : PaymentCatalog::types())
            m_conditions->setTypeAllowed(type.code, can(QStringLiteral("view:") + type.code));
    };
    updatePermissions();
    connect(client, &MerchantClient::loggedIn, this, updatePermissions);
    m_exportButton->setToolTip(tr("Export every payment that matches the search to a CSV or Excel file"));
    resultBar->addWidget(m_exportButton);
    connect(m_exportButton, &QPushButton::clicked, this, &SearchPage::openExport);

    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this, &SearchPage::showColumnMenu);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_conditions);
    layout->addWidget(m_error);
    layout->addWidget(m_note);
    layout->addWidget(m_stale);
    layout->addLayout(resultBar);
    layout->addWidget(m_table, 1);

    connect(m_checkAllButton, &QPushButton::clicked, m_model, &PaymentsModel::checkAllMatching);
    connect(m_uncheckAllButton, &QPushButton::clicked, m_model, &PaymentsModel::clearChecks);
    connect(m_model, &PaymentsModel::checkedCountChanged, this, &SearchPage::updateCheckSummary);
    m_table->installEventFilter(this);
    // Results never pass for the answer to conditions they were not searched with.
    connect(m_conditions, &SearchConditions::changed, this, &SearchPage::updateStale);
    connect(m_model, &PaymentsModel::modelReset, this, &SearchPage::updateStale);
    connect(m_conditions, &SearchConditions::enterPressed, this, &SearchPage::enterFromFilters);
    connect(m_conditions, &SearchConditions::downPressed, this, &SearchPage::focusResults);
    connect(m_conditions, &SearchConditions::searchClicked, this, &SearchPage::search);
    connect(m_conditions, &SearchConditions::clearClicked, this, &SearchPage::clearFilters);
    connect(m_conditions, &SearchConditions::lookupClicked, this, &SearchPage::openSupportLookup);
    connect(m_conditions, &SearchConditions::backClicked, this, &SearchPage::backFromLookup);
    connect(m_conditions->savedSearchesMenu(), &QMenu::aboutToShow, this, &SearchPage::fillSavedSearchMenu);
    connect(m_model, &PaymentsModel::totalChanged, this, &SearchPage::updateSummary);
    connect(m_model, &PaymentsModel::totalAmountChanged, this, &SearchPage::updateSummary);
    connect(m_model, &PaymentsModel::loadingChanged, this, &SearchPage::updateSummary);
    connect(m_model, &PaymentsModel::rowsInserted, this, &SearchPage::updateSummary);
    connect(m_model, &PaymentsModel::modelReset, this, &SearchPage::updateSummary);
    connect(m_model, &PaymentsModel::errorOccurred, this, &SearchPage::showError);

    // The page's actions, bound here once: the window's menu shows these same actions, so a
    // shortcut never has two owners.
    auto *searchAction = new QAction(tr("&Search"), this);
    searchAction->setObjectName(QStringLiteral("searchAction"));
    connect(searchAction, &QAction::triggered, this, &SearchPage::search);
    auto *refreshAction = new QAction(tr("&Refresh results"), this);
    refreshAction->setObjectName(QStringLiteral("refreshAction"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setToolTip(tr("Read the shown payments again, keeping checks, selection and scroll position"));
    connect(refreshAction, &QAction::triggered, m_model, &PaymentsModel::refresh);
    auto *focusAction = new QAction(tr("Search &conditions"), this);
    focusAction->setObjectName(QStringLiteral("focusFiltersAction"));
    focusAction->setShortcut(QKeySequence::Find);
    connect(focusAction, &QAction::triggered, this, &SearchPage::focusFilters);
    m_menuActions = {searchAction, refreshAction, focusAction};
    for (QAction *action : std::as_const(m_menuActions)) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }

    updateSummary();
    updateCheckSummary();
}

SearchPage::~SearchPage()
{
    // The model and the exporter outlive this body by a moment (children go last): nothing they
    // say on their way out may reach a page that is half gone.
    m_model->disconnect(this);
    if (m_exporter)
        m_exporter->disconnect(this);
}

void SearchPage::pageShown(bool firstTime)
{
    if (!firstTime)
        return;
    search();
    focusFilters();
}

QList<QAction *> SearchPage::menuActions() const
{
    return m_menuActions;
}

QList<QPair<QString, QString>> SearchPage::keyboardHelp() const
{
    return {
        {tr("Enter", "key"), tr("In the search conditions: search; again on a single result: open it")},
        {tr("Esc", "key"), tr("In a condition: clear that condition")},
        {tr("Down", "key"), tr("From the search conditions to the results")},
        {tr("F4, Alt+Down", "key"), tr("In a date: open the calendar")},
        {tr("Space", "key"), tr("In the results: check or uncheck the current payment")},
        {tr("Enter", "key"), tr("In the results: open the current payment")},
    };
}

bool SearchPage::eventFilter(QObject *watched, QEvent *event)
{
    // Space checks the current row, whichever cell is current.
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier && m_table->currentIndex().isValid()) {
            const QString id = m_model->paymentIdAt(m_table->currentIndex().row());
            m_model->setChecked(id, !m_model->isChecked(id));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPage::enterFromFilters()
{
    // Enter on the conditions of the one payment found opens it; otherwise it searches.
    const PaymentQuery query = currentQuery();
    if (query == m_model->query() && m_model->isStarted() && !m_model->isLoading() && m_model->rowCount() == 1
        && m_model->total() == 1) {
        m_table->setCurrentIndex(m_model->index(0, PaymentsModel::TradingIdColumn));
        openPayment(m_model->index(0, PaymentsModel::TradingIdColumn));
        return;
    }
    search();
}

void SearchPage::focusResults()
{
    if (m_model->rowCount() == 0)
        return;
    if (!m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_model->index(0, PaymentsModel::TradingIdColumn));
    m_table->setFocus();
}

void SearchPage::updateStale()
{
    PaymentQuery shown = m_model->query();
    PaymentQuery onScreen = currentQuery();
    onScreen.sort = shown.sort;
    onScreen.descending = shown.descending;
    const bool stale = m_model->isStarted() && !(onScreen == shown);
    m_stale->setText(tr("The search conditions have changed: the results below are still those of the previous "
                        "search (press Enter to search). Export and check all use the results shown."));
    m_stale->setVisible(stale);
}

void SearchPage::openPayment(const QModelIndex &index)
{
    const QString id = m_model->paymentIdAt(index.row());
    if (id.isEmpty() || !m_client)
        return;
    auto *dialog = new PaymentDetailDialog(m_client, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A capture, cancel or amount change shows in the table at once, rows merged in place, and
    // the current row stays on the payment acted on.
    connect(dialog, &PaymentDetailDialog::paymentChanged, this, [this](const QString &changedId) {
        m_followId = changedId;
        m_followRow = m_model->rowOfPaymentId(changedId);
        m_model->refresh();
    });
    dialog->show();
}

void SearchPage::followActedPayment()
{
    if (m_followId.isEmpty())
        return;
    const QString id = std::exchange(m_followId, QString());
    const int row = m_model->rowOfPaymentId(id);
    m_note->hide();
    if (row >= 0) {
        m_table->setCurrentIndex(m_model->index(row, PaymentsModel::TradingIdColumn));
        return;
    }
    // It no longer matches the search: the next one becomes current, and that is said.
    if (m_model->rowCount() == 0 || m_followRow < 0)
        return;
    const int next = std::min(m_followRow, m_model->rowCount() - 1);
    m_table->setCurrentIndex(m_model->index(next, PaymentsModel::TradingIdColumn));
    m_note->setText(tr("Payment %1 no longer matches the search conditions; the next payment, %2, is selected.")
                        .arg(id, m_model->paymentIdAt(next)));
    m_note->show();
}

void SearchPage::updateCheckSummary()
{
    const qint64 count = m_model->checkedCount();
    const QLocale locale;
    if (m_model->isAllMatchingChecked()) {
        const qint64 total = m_model->total();
        if (count < 0)
            m_checkSummary->setText(tr("All matching payments checked (counting…)"));
        else if (count == total)
            m_checkSummary->setText(tr("All %1 matching payments checked").arg(locale.toString(count)));
        else
            m_checkSummary->setText(tr("%1 of %2 matching payments checked").arg(locale.toString(count), locale.toString(total)));
    } else if (count > 0) {
        m_checkSummary->setText(tr("%1 checked").arg(locale.toString(count)));
    } else {
        m_checkSummary->clear();
    }
    m_uncheckAllButton->setEnabled(m_model->isAllMatchingChecked() || count > 0);
}

void SearchPage::applyDefaultColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < PaymentsModel::ColumnCount; ++column) {
        header->setSectionHidden(column, column >= PaymentsModel::CustomerColumn); // optional ones
        header->moveSection(header->visualIndex(column), column);
    }
    // The amount, the column staff read most, right after the status: in view at 1280 pixels.
    header->moveSection(header->visualIndex(PaymentsModel::AmountColumn), header->visualIndex(PaymentsModel::StatusColumn) + 1);
    m_table->setColumnWidth(PaymentsModel::CheckColumn, 28);
    const QFontMetrics fm = m_table->fontMetrics();
    // Widths from what the columns hold, so that every column fits a 1280-pixel window.
    m_table->setColumnWidth(PaymentsModel::TradingIdColumn, fm.horizontalAdvance(QStringLiteral("ORD20261122_00000")) + 10);
    m_table->setColumnWidth(PaymentsModel::PaymentIdColumn, fm.horizontalAdvance(QStringLiteral("100000000000000000")) + 10);
    m_table->setColumnWidth(PaymentsModel::TradeTimeColumn, fm.horizontalAdvance(QStringLiteral("0000/00/00 00:00:00")) + 10);
    m_table->setColumnWidth(PaymentsModel::DueTimeColumn, fm.horizontalAdvance(QStringLiteral("0000/00/00")) + 10);
    m_table->setColumnWidth(PaymentsModel::ClearedTimeColumn, fm.horizontalAdvance(QStringLiteral("0000/00/00 00:00:00")) + 10);
    m_table->setColumnWidth(PaymentsModel::AmountColumn, fm.horizontalAdvance(formatYen(9'999'999, QLocale())) + 10);
    m_table->setColumnWidth(PaymentsModel::CustomerColumn, fm.horizontalAdvance(QStringLiteral("佐藤 花子子子")) + 10);
    m_table->setColumnWidth(PaymentsModel::CardLast4Column, fm.horizontalAdvance(QStringLiteral("0000")) + 10);
    m_table->setColumnWidth(PaymentsModel::AuthExpiresColumn, fm.horizontalAdvance(QStringLiteral("0000/00/00 00:00:00")) + 10);
    // The status as wide as the labels a day's work shows (the longest, rare ones are elided and
    // whole in the tooltip); bold labels are a little wider.
    QFont bold = m_table->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    int statusWidth = 0;
    for (int code : {10, 20, 40, 60})
        statusWidth = std::max(statusWidth, boldMetrics.horizontalAdvance(PaymentCatalog::statusLabel(code, QStringLiteral("02"))));
    m_table->setColumnWidth(PaymentsModel::StatusColumn, statusWidth + 10);
    m_table->setColumnWidth(PaymentsModel::InstitutionColumn, fm.horizontalAdvance(QStringLiteral("ファミリーマート")) + 10);
    int typeWidth = 0;
    for (const PaymentTypeInfo &info : PaymentCatalog::types())
        typeWidth = std::max(typeWidth, fm.horizontalAdvance(PaymentCatalog::typeLabel(info.code)));
    m_table->setColumnWidth(PaymentsModel::TypeColumn, typeWidth + 10);
    // Never narrower than the header's own words and its sort arrow (決済ステータス is longer than 売上済).
    const QFontMetrics headerMetrics = header->fontMetrics();
    for (int column = PaymentsModel::TradingIdColumn; column < PaymentsModel::ColumnCount; ++column) {
        const int needed = headerMetrics.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + 28;
        if (m_table->columnWidth(column) < needed)
            m_table->setColumnWidth(column, needed);
    }
}

void SearchPage::showColumnMenu(const QPoint &pos)
{
    QHeaderView *header = m_table->horizontalHeader();
    QMenu menu(this);
    QAction *reset = menu.addAction(tr("Reset columns"));
    reset->setObjectName(QStringLiteral("resetColumnsAction"));
    connect(reset, &QAction::triggered, this, &SearchPage::applyDefaultColumns);
    menu.addSeparator();
    for (int column = PaymentsModel::TradingIdColumn; column < PaymentsModel::ColumnCount; ++column) {
        QAction *action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, this, [header, column](bool shown) { header->setSectionHidden(column, !shown); });
    }
    menu.exec(header->viewport()->mapToGlobal(pos));
}

void SearchPage::saveState() const
{
    QSettings *settings = sharedSettings();
    settings->setValue(userSettingsKey(QStringLiteral("search/columns")), m_table->horizontalHeader()->saveState());
    settings->setValue(userSettingsKey(QStringLiteral("search/columnCount")), int(PaymentsModel::ColumnCount));
    settings->setValue(userSettingsKey(QStringLiteral("search/last")), currentQuery().withoutPersonalData().toQueryString());
}

void SearchPage::restoreState()
{
    QSettings *settings = sharedSettings();
    QHeaderView *header = m_table->horizontalHeader();
    if (header->restoreState(settings->value(userSettingsKey(QStringLiteral("search/columns"))).toByteArray())) {
        // Columns added since the layout was saved start hidden, as for a new user.
        const int saved = settings->value(userSettingsKey(QStringLiteral("search/columnCount")),
                                          int(PaymentsModel::CustomerColumn)).toInt();
        for (int column = std::max(saved, 1); column < PaymentsModel::ColumnCount; ++column)
            header->setSectionHidden(column, true);
    }
    applyQuery(PaymentQuery::fromQueryString(settings->value(userSettingsKey(QStringLiteral("search/last"))).toString()));
}

void SearchPage::applyQuery(const PaymentQuery &query)
{
    m_conditions->setQuery(query);
}

void SearchPage::openSupportLookup()
{
    SupportLookupDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    PaymentQuery query;
    query.sort = m_model->query().sort;
    query.descending = m_model->query().descending;
    const int days = dialog.plusMinusDays();
    // The date on a card statement is the capture (clearing) date, or the authorization's.
    query.chargeFrom = dialog.date().addDays(-days);
    query.chargeTo = dialog.date().addDays(days);
    query.amountMin = dialog.amount();
    query.amountMax = dialog.amount();
    query.cardLast4 = dialog.cardLast4();
    // The user's own search is kept, not thrown away: "Back to my search" brings it back.
    if (!m_beforeLookup)
        m_beforeLookup = currentQuery();
    applyQuery(query);
    search();
    m_openLookupHit = m_model->isLoading();
}

void SearchPage::backFromLookup()
{
    if (!m_beforeLookup)
        return;
    const PaymentQuery previous = *std::exchange(m_beforeLookup, std::nullopt);
    applyQuery(previous);
    search();
}

PaymentQuery SearchPage::currentQuery() const
{
    return m_conditions->query(m_model->query()); // keeps the sort chosen in the header
}

void SearchPage::search()
{
    m_error->hide();
    m_note->hide();
    if (const QString problem = m_conditions->check(); !problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    saveState();
    const PaymentQuery query = currentQuery();
    if (!query.chargeFrom.isValid() && !query.chargeTo.isValid())
        m_beforeLookup.reset(); // no longer the lookup's answer: nothing to go back to
    m_conditions->setBackOffered(m_beforeLookup.has_value());
    m_model->search(query);
    m_table->scrollToTop();
}

void SearchPage::clearFilters()
{
    PaymentQuery blank;
    blank.sort = m_model->query().sort;
    blank.descending = m_model->query().descending;
    applyQuery(blank);
    m_beforeLookup.reset();
    m_conditions->setBackOffered(false);
    m_conditions->focusFirst();
}

void SearchPage::focusFilters()
{
    m_conditions->focusFirst();
}

void SearchPage::updateSummary()
{
    const QLocale locale;
    const int shown = m_model->rowCount();
    const qint64 total = m_model->total();
    QString text;
    const int plural = int(std::min<qint64>(total, std::numeric_limits<int>::max()));
    if (total >= 0 && m_model->totalAmount() >= 0)
        text = tr("%1 result(s), %2 in total, %3 shown", nullptr, plural)
                   .arg(locale.toString(total), formatYen(m_model->totalAmount(), locale), locale.toString(shown));
    else if (total >= 0)
        text = tr("%1 result(s), %2 shown", nullptr, plural).arg(locale.toString(total), locale.toString(shown));
    else if (m_model->isLoading() && shown == 0)
        text = tr("Searching…");
    else
        text = tr("%1 shown (counting…)").arg(locale.toString(shown));
    m_summary->setText(text);
}

void SearchPage::openExport()
{
    if (m_exporter)
        return;
    QSettings *settings = sharedSettings();
    QString dir = settings->value(userSettingsKey(QStringLiteral("export/dir"))).toString();
    if (dir.isEmpty() || !QFileInfo(dir).isDir()) {
        // The suggestion is a folder that exists: Documents, made if this account has none yet.
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        if (!QDir().mkpath(dir))
            dir = QDir::homePath();
    }
    // The file is named by Japan's clock, as every time in the console.
    const QDateTime now = JapanTime::toJapan(QDateTime::currentDateTimeUtc());
    TableExportDialog dialog(QStringLiteral("payments"), tr("Export payments"),
                             QDir(dir).filePath(PaymentExporter::defaultFileName(now, ExportFormat::CsvUtf8Bom)),
                             tr("Every payment that matches the current search is exported, not only the rows on "
                                "screen. Card numbers are never exported."),
                             this);
    dialog.setObjectName(QStringLiteral("exportDialog"));
    dialog.setColumns(PaymentExporter::headerLabels(true), PaymentExporter::headerLabels(false));
    if (dialog.exec() != QDialog::Accepted || dialog.path().isEmpty())
        return;
    settings->setValue(userSettingsKey(QStringLiteral("export/dir")), QFileInfo(dialog.path()).absolutePath());
    exportTo(dialog.path(), dialog.format(), dialog.writerOptions());
}

void SearchPage::exportTo(const QString &path, CsvEncoding encoding)
{
    switch (encoding) {
    case CsvEncoding::Utf8Bom:
        exportTo(path, ExportFormat::CsvUtf8Bom);
        return;
    case CsvEncoding::Utf8:
        exportTo(path, ExportFormat::CsvUtf8);
        return;
    case CsvEncoding::Cp932:
        exportTo(path, ExportFormat::CsvCp932);
        return;
    }
}

void SearchPage::exportTo(const QString &path, ExportFormat format, const TableWriter::Options &options)
{
    if (m_exporter)
        return;
    m_exporter = new PaymentExporter(m_client, this);
    m_exporter->setQuery(m_model->query()); // the search on screen, not half-edited filters
    m_exporter->setOutputPath(path);
    m_exporter->setFormat(format);
    m_exporter->setEnglishHeader(options.englishHeader);
    m_exporter->setColumnOrder(options.columnOrder);
    m_exportButton->setEnabled(false);
    auto *progress = new ExportProgress(m_exporter, this, tr("Export payments"), tr("Exporting payments…"));
    connect(m_exporter, &PaymentExporter::finished, this, &SearchPage::onExportFinished);
    progress->begin();
    m_exporter->start();
}

void SearchPage::onExportFinished(const ExportResult &result)
{
    m_exporter->deleteLater(); // and its ExportProgress, which told the user how it ended
    m_exporter = nullptr;
    m_exportButton->setEnabled(true);
    Q_EMIT exportFinished(result);
}

void SearchPage::showError(const ApiError &error)
{
    // Rows already shown are not the gateway's answer now: say from when they are.
    if (m_model->rowCount() > 0 && m_readAt.isValid())
        m_error->setText(tr("%1\nThe results below are as the gateway had them at %2 (Japan time) and may be out of date.")
                             .arg(error.displayText(), JapanTime::format(m_readAt).mid(11)));
    else
        m_error->setText(error.displayText());
    m_error->show();
}

void SearchPage::fillSavedSearchMenu()
{
    QMenu *menu = m_conditions->savedSearchesMenu();
    menu->clear();
    QAction *saveAction = menu->addAction(tr("Save these conditions…"));
    connect(saveAction, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save search"), tr("Name of the search:"),
                                                   QLineEdit::Normal, QString(), &ok)
                                 .trimmed();
        if (!ok || name.isEmpty())
            return;
        if (SavedSearches::load(name)
            && QMessageBox::question(this, tr("Save search"), tr("Replace the saved search \"%1\"?").arg(name))
                   != QMessageBox::Yes)
            return;
        saveCurrentSearch(name);
    });
    const QStringList names = SavedSearches::names();
    if (names.isEmpty())
        return;
    menu->addSeparator();
    for (const QString &name : names)
        connect(menu->addAction(name), &QAction::triggered, this, [this, name] { runSavedSearch(name); });
    menu->addSeparator();
    QMenu *removeMenu = menu->addMenu(tr("Delete"));
    for (const QString &name : names)
        connect(removeMenu->addAction(name), &QAction::triggered, this, [name] { SavedSearches::remove(name); });
}

void SearchPage::saveCurrentSearch(const QString &name)
{
    SavedSearches::save(name, currentQuery());
}

bool SearchPage::runSavedSearch(const QString &name)
{
    const std::optional<PaymentQuery> query = SavedSearches::load(name);
    if (!query)
        return false;
    applyQuery(*query);
    search();
    return true;
}

} // namespace kessai
