#include "searchpage.h"

#include "domain/paymentcatalog.h"
#include "payments/paymentsmodel.h"
#include "profile/profile.h"

#include <QAction>
#include <QKeyEvent>
#include <QMenu>
#include <QSettings>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableView>
#include <QVBoxLayout>

namespace kessai {

SearchPage::SearchPage(MerchantClient *client, QWidget *parent)
    : QWidget(parent)
    , m_model(new PaymentsModel(this))
    , m_tradingId(new QLineEdit)
    , m_paymentId(new QLineEdit)
    , m_status(new QComboBox)
    , m_searchButton(new QPushButton(tr("Search")))
    , m_clearButton(new QPushButton(tr("Clear")))
    , m_table(new QTableView)
    , m_summary(new QLabel)
    , m_checkSummary(new QLabel)
    , m_checkAllButton(new QPushButton(tr("Check all")))
    , m_uncheckAllButton(new QPushButton(tr("Uncheck all")))
    , m_error(new QLabel)
{
    setObjectName(QStringLiteral("searchPage"));
    m_model->setClient(client);

    m_tradingId->setObjectName(QStringLiteral("tradingIdFilter"));
    m_tradingId->setPlaceholderText(tr("exact, or prefix*"));
    m_tradingId->setClearButtonEnabled(true);
    m_tradingId->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9_]{0,25}\\*?")), m_tradingId));
    m_paymentId->setObjectName(QStringLiteral("paymentIdFilter"));
    m_paymentId->setClearButtonEnabled(true);
    m_paymentId->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,18}")), m_paymentId));
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("All statuses"), 0);
    for (int code : PaymentCatalog::allStatuses())
        m_status->addItem(QStringLiteral("%1 %2").arg(code).arg(PaymentCatalog::statusLabel(code)), code);
    m_searchButton->setObjectName(QStringLiteral("searchButton"));
    m_searchButton->setDefault(true);
    m_searchButton->setToolTip(tr("Search (Enter)"));
    m_clearButton->setObjectName(QStringLiteral("clearButton"));

    auto *filters = new QGroupBox(tr("Search conditions"));
    filters->setObjectName(QStringLiteral("filters"));
    auto *grid = new QGridLayout(filters);
    grid->addWidget(new QLabel(tr("Trading ID:")), 0, 0);
    grid->addWidget(m_tradingId, 0, 1);
    grid->addWidget(new QLabel(tr("Payment ID:")), 0, 2);
    grid->addWidget(m_paymentId, 0, 3);
    grid->addWidget(new QLabel(tr("Status:")), 0, 4);
    grid->addWidget(m_status, 0, 5);
    grid->addWidget(new QLabel(tr("Payment type:")), 1, 0);
    auto *types = new QHBoxLayout;
    for (const PaymentTypeInfo &info : PaymentCatalog::types()) {
        auto *box = new QCheckBox(PaymentCatalog::typeLabel(info.code));
        box->setObjectName(QStringLiteral("type_") + info.code);
        box->setProperty("typeCode", info.code);
        m_typeBoxes.append(box);
        types->addWidget(box);
    }
    types->addStretch();
    grid->addLayout(types, 1, 1, 1, 3);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_clearButton);
    buttons->addWidget(m_searchButton);
    grid->addLayout(buttons, 1, 4, 1, 2);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(3, 2);
    grid->setColumnStretch(5, 1);

    m_table->setObjectName(QStringLiteral("resultTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(PaymentsModel::CheckColumn, QHeaderView::Fixed);
    m_table->setColumnWidth(PaymentsModel::CheckColumn, 28);
    const QFontMetrics fm = m_table->fontMetrics();
    m_table->setColumnWidth(PaymentsModel::TradingIdColumn, fm.horizontalAdvance(QStringLiteral("M")) * 14);
    m_table->setColumnWidth(PaymentsModel::PaymentIdColumn, fm.horizontalAdvance(QStringLiteral("0")) * 20);
    m_table->setColumnWidth(PaymentsModel::TradeTimeColumn, fm.horizontalAdvance(QStringLiteral("0000/00/00 00:00:00")) + 16);
    m_table->setColumnWidth(PaymentsModel::ClearedTimeColumn, fm.horizontalAdvance(QStringLiteral("0000/00/00 00:00:00")) + 16);
    m_table->setColumnWidth(PaymentsModel::AmountColumn, fm.horizontalAdvance(QStringLiteral("9,999,999円")) + 24);
    int statusWidth = 0;
    for (int code : PaymentCatalog::allStatuses())
        statusWidth = std::max(statusWidth, fm.horizontalAdvance(PaymentCatalog::statusLabel(code, QStringLiteral("02"))));
    QFont bold = m_table->font();
    bold.setBold(true);
    m_table->setColumnWidth(PaymentsModel::StatusColumn, statusWidth * QFontMetrics(bold).averageCharWidth()
                                                                 / std::max(1, fm.averageCharWidth()) + 20);
    m_table->setColumnWidth(PaymentsModel::InstitutionColumn, fm.horizontalAdvance(QStringLiteral("ファミリーマート")) + 16);
    int typeWidth = 0;
    for (const PaymentTypeInfo &info : PaymentCatalog::types())
        typeWidth = std::max(typeWidth, fm.horizontalAdvance(PaymentCatalog::typeLabel(info.code)));
    m_table->setColumnWidth(PaymentsModel::TypeColumn, typeWidth + 16);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_summary->setObjectName(QStringLiteral("resultSummary"));
    m_error->setObjectName(QStringLiteral("searchError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b01c1c;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

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

    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this, &SearchPage::showColumnMenu);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(filters);
    layout->addWidget(m_error);
    layout->addLayout(resultBar);
    layout->addWidget(m_table, 1);

    connect(m_checkAllButton, &QPushButton::clicked, m_model, &PaymentsModel::checkAllMatching);
    connect(m_uncheckAllButton, &QPushButton::clicked, m_model, &PaymentsModel::clearChecks);
    connect(m_model, &PaymentsModel::checkedCountChanged, this, &SearchPage::updateCheckSummary);
    for (QLineEdit *edit : {m_tradingId, m_paymentId})
        edit->installEventFilter(this);

    connect(m_searchButton, &QPushButton::clicked, this, &SearchPage::search);
    connect(m_clearButton, &QPushButton::clicked, this, &SearchPage::clearFilters);
    for (QLineEdit *edit : {m_tradingId, m_paymentId})
        connect(edit, &QLineEdit::returnPressed, this, &SearchPage::search);
    connect(m_model, &PaymentsModel::totalChanged, this, &SearchPage::updateSummary);
    connect(m_model, &PaymentsModel::loadingChanged, this, &SearchPage::updateSummary);
    connect(m_model, &PaymentsModel::rowsInserted, this, &SearchPage::updateSummary);
    connect(m_model, &PaymentsModel::modelReset, this, &SearchPage::updateSummary);
    connect(m_model, &PaymentsModel::errorOccurred, this, &SearchPage::showError);

    auto *focusAction = new QAction(tr("Search conditions"), this);
    focusAction->setShortcut(QKeySequence::Find);
    focusAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(focusAction, &QAction::triggered, this, &SearchPage::focusFilters);
    addAction(focusAction);

    updateSummary();
    updateCheckSummary();
}

SearchPage::~SearchPage() = default;

bool SearchPage::eventFilter(QObject *watched, QEvent *event)
{
    // Esc clears the field it is pressed in (and only that field).
    if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        if (auto *edit = qobject_cast<QLineEdit *>(watched); edit && !edit->text().isEmpty()) {
            edit->clear();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPage::updateCheckSummary()
{
    const qint64 count = m_model->checkedCount();
    const QLocale locale;
    if (m_model->isAllMatchingChecked()) {
        m_checkSummary->setText(count < 0 ? tr("All matching payments checked (counting…)")
                                          : tr("All %1 matching payments checked").arg(locale.toString(count)));
    } else if (count > 0) {
        m_checkSummary->setText(tr("%1 checked").arg(locale.toString(count)));
    } else {
        m_checkSummary->clear();
    }
    m_uncheckAllButton->setEnabled(m_model->isAllMatchingChecked() || count > 0);
}

void SearchPage::showColumnMenu(const QPoint &pos)
{
    QHeaderView *header = m_table->horizontalHeader();
    QMenu menu(this);
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
    settings->setValue(QStringLiteral("search/header"), m_table->horizontalHeader()->saveState());
    const PaymentQuery q = currentQuery();
    settings->setValue(QStringLiteral("search/last/trading_id"), q.tradingId);
    settings->setValue(QStringLiteral("search/last/payment_id"), q.paymentId);
    settings->setValue(QStringLiteral("search/last/status"), q.statuses.isEmpty() ? 0 : q.statuses.constFirst());
    settings->setValue(QStringLiteral("search/last/types"), q.types);
}

void SearchPage::restoreState()
{
    QSettings *settings = sharedSettings();
    m_table->horizontalHeader()->restoreState(settings->value(QStringLiteral("search/header")).toByteArray());
    PaymentQuery q;
    q.tradingId = settings->value(QStringLiteral("search/last/trading_id")).toString();
    q.paymentId = settings->value(QStringLiteral("search/last/payment_id")).toString();
    if (const int status = settings->value(QStringLiteral("search/last/status")).toInt(); status != 0)
        q.statuses = {status};
    q.types = settings->value(QStringLiteral("search/last/types")).toStringList();
    applyQuery(q);
}

void SearchPage::applyQuery(const PaymentQuery &query)
{
    m_tradingId->setText(query.tradingId);
    m_paymentId->setText(query.paymentId);
    const int statusIndex = query.statuses.isEmpty() ? 0 : m_status->findData(query.statuses.constFirst());
    m_status->setCurrentIndex(std::max(0, statusIndex));
    for (QCheckBox *box : m_typeBoxes)
        box->setChecked(query.types.contains(box->property("typeCode").toString()));
}

PaymentQuery SearchPage::currentQuery() const
{
    PaymentQuery query;
    query.tradingId = m_tradingId->text().trimmed();
    query.paymentId = m_paymentId->text().trimmed();
    if (const int status = m_status->currentData().toInt(); status != 0)
        query.statuses = {status};
    for (QCheckBox *box : m_typeBoxes) {
        if (box->isChecked())
            query.types.append(box->property("typeCode").toString());
    }
    return query;
}

void SearchPage::search()
{
    m_error->hide();
    saveState();
    m_model->search(currentQuery());
    m_table->scrollToTop();
}

void SearchPage::clearFilters()
{
    m_tradingId->clear();
    m_paymentId->clear();
    m_status->setCurrentIndex(0);
    for (QCheckBox *box : m_typeBoxes)
        box->setChecked(false);
    m_tradingId->setFocus();
}

void SearchPage::focusFilters()
{
    m_tradingId->setFocus();
    m_tradingId->selectAll();
}

void SearchPage::updateSummary()
{
    const QLocale locale;
    const int shown = m_model->rowCount();
    const qint64 total = m_model->total();
    QString text;
    if (total >= 0)
        text = tr("%1 results, %2 shown").arg(locale.toString(total), locale.toString(shown));
    else if (m_model->isLoading() && shown == 0)
        text = tr("Searching…");
    else
        text = tr("%1 shown (counting…)").arg(locale.toString(shown));
    m_summary->setText(text);
}

void SearchPage::showError(const ApiError &error)
{
    m_error->setText(error.displayText());
    m_error->show();
}

} // namespace kessai
