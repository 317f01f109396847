#include "ledgermappingdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kessai {

namespace {

QString columnName(const QStringList &header, int column)
{
    const QString name = header.value(column).trimmed();
    return name.isEmpty() ? LedgerMappingDialog::tr("Column %1").arg(column + 1) : name;
}

} // namespace

LedgerMappingDialog::LedgerMappingDialog(const Ledger &ledger, QWidget *parent)
    : QDialog(parent)
    , m_header(ledger.header())
    , m_sample(ledger.sample())
{
    setWindowTitle(tr("Which columns?"));
    m_tradingId = new QComboBox;
    m_tradingId->setObjectName(QStringLiteral("mappingTradingId"));
    m_amount = new QComboBox;
    m_amount->setObjectName(QStringLiteral("mappingAmount"));
    for (int i = 0; i < m_header.size(); ++i) {
        const QString name = tr("%1: %2", "column number: header name").arg(i + 1).arg(columnName(m_header, i));
        m_tradingId->addItem(name, i);
        m_amount->addItem(name, i);
    }
    // The likeliest columns first: a name the header shares with the known ones, else the first
    // two columns, so OK is at hand for the common "order number, amount" file.
    const QList<int> ids = Ledger::tradingIdCandidates(m_header);
    const QList<int> amounts = Ledger::amountCandidates(m_header);
    const int namedAmount = amounts.isEmpty() ? -1 : amounts.first();
    int tradingId = ids.isEmpty() ? (namedAmount == 0 ? qMin(1, int(m_header.size()) - 1) : 0) : ids.first();
    int amount = namedAmount;
    if (amount < 0 || amount == tradingId)
        amount = tradingId == 0 ? qMin(1, int(m_header.size()) - 1) : 0;
    m_tradingId->setCurrentIndex(tradingId);
    m_amount->setCurrentIndex(amount);

    auto *text = new QLabel(tr("The header of %1 does not say clearly which column holds the trading ID (取引ID, 注文番号…) "
                               "and which the amount. Choose them; files with the same header will be read the same way.")
                                .arg(QFileInfo(ledger.name()).fileName()));
    text->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Trading ID column:"), m_tradingId);
    form->addRow(tr("&Amount column:"), m_amount);

    m_preview = new QTableWidget(int(m_sample.size()), int(m_header.size()));
    m_preview->setObjectName(QStringLiteral("mappingPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->setFocusPolicy(Qt::NoFocus);
    m_preview->verticalHeader()->hide();
    m_preview->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < m_sample.size(); ++row) {
        for (int column = 0; column < m_header.size(); ++column)
            m_preview->setItem(row, column, new QTableWidgetItem(m_sample.at(row).value(column)));
    }
    auto *previewLabel = new QLabel(tr("The file's first lines:"));
    previewLabel->setVisible(!m_sample.isEmpty());
    m_preview->setVisible(!m_sample.isEmpty());

    m_warning = new QLabel;
    m_warning->setObjectName(QStringLiteral("mappingWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #a15c00;"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(previewLabel);
    layout->addWidget(m_preview);
    layout->addWidget(m_warning);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tradingId, &QComboBox::currentIndexChanged, this, &LedgerMappingDialog::update);
    connect(m_amount, &QComboBox::currentIndexChanged, this, &LedgerMappingDialog::update);
    update();
    m_tradingId->setFocus();
    resize(qMax(sizeHint().width(), 560), sizeHint().height());
}

LedgerMapping LedgerMappingDialog::mapping() const
{
    return LedgerMapping{m_tradingId->currentData().toInt(), m_amount->currentData().toInt()};
}

void LedgerMappingDialog::update()
{
    const LedgerMapping chosen = mapping();
    const bool distinct = chosen.tradingIdColumn != chosen.amountColumn;
    m_ok->setEnabled(distinct);

    // The preview's header says which column is which.
    for (int column = 0; column < m_header.size(); ++column) {
        QString label = columnName(m_header, column);
        if (column == chosen.tradingIdColumn)
            label = tr("%1\n▶ trading ID").arg(label);
        else if (column == chosen.amountColumn)
            label = tr("%1\n▶ amount").arg(label);
        auto *item = new QTableWidgetItem(label);
        QFont font = item->font();
        font.setBold(column == chosen.tradingIdColumn || column == chosen.amountColumn);
        item->setFont(font);
        m_preview->setHorizontalHeaderItem(column, item);
    }
    m_preview->resizeColumnsToContents();
    // As tall as its lines (plus room for a horizontal scroll bar), not a block of empty grid.
    const int lines = int(m_sample.size());
    m_preview->setMaximumHeight(m_preview->horizontalHeader()->sizeHint().height()
                                + lines * m_preview->verticalHeader()->defaultSectionSize()
                                + m_preview->horizontalScrollBar()->sizeHint().height() + 2 * m_preview->frameWidth());

    QString warning;
    if (!distinct) {
        warning = tr("The trading ID and the amount must be two different columns.");
    } else {
        for (const QStringList &line : std::as_const(m_sample)) {
            const QString value = line.value(chosen.amountColumn).trimmed();
            if (!value.isEmpty() && !Ledger::parseAmount(value)) {
                warning = tr("The column \"%1\" holds \"%2\", which is not an amount in yen. Is it the right column?")
                              .arg(columnName(m_header, chosen.amountColumn), value);
                break;
            }
        }
    }
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
}

} // namespace kessai
