#include "tableexportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace kessai {

namespace {

QString settingsKey(const QString &kind)
{
    return QStringLiteral("exports/%1/format").arg(kind);
}

QString columnsKey(const QString &kind)
{
    return QStringLiteral("exports/%1/columns").arg(kind);
}

// An item's key (setColumns()'s), kept beside its label.
constexpr int KeyRole = Qt::UserRole;
constexpr int IndexRole = Qt::UserRole + 1;

} // namespace

TableExportDialog::TableExportDialog(const QString &kind, const QString &title, const QString &defaultPath,
                                     const QString &note, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_path(new QLineEdit(defaultPath))
    , m_format(new QComboBox)
    , m_englishHeader(new QCheckBox(tr("Column names in &English")))
    , m_columnsLabel(new QLabel(tr("&Columns:")))
    , m_columnsBox(new QWidget)
    , m_columns(new QListWidget)
    , m_exportButton(nullptr)
{
    setObjectName(QStringLiteral("tableExportDialog"));
    setWindowTitle(title);
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setMinimumWidth(m_path->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 32);
    auto *browse = new QPushButton(tr("Browse…"));
    browse->setObjectName(QStringLiteral("exportBrowse"));
    browse->setAutoDefault(false);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("CSV, UTF-8 with BOM (Excel)"), int(ExportFormat::CsvUtf8Bom));
    m_format->addItem(tr("CSV, Shift_JIS (Japanese accounting software)"), int(ExportFormat::CsvCp932));
    m_format->addItem(tr("CSV, UTF-8 without BOM"), int(ExportFormat::CsvUtf8));
    if (TableWriter::create(QString(), ExportFormat::Xlsx))
        m_format->addItem(tr("Excel workbook (.xlsx)"), int(ExportFormat::Xlsx));

    auto *file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("File:"), file);
    form->addRow(tr("Format:"), m_format);
    m_englishHeader->setObjectName(QStringLiteral("exportEnglishHeader"));
    m_englishHeader->setToolTip(tr("For macros and imports that look for fixed column names, whatever the language "
                                   "the console is shown in."));
    m_englishHeader->setChecked(QSettings().value(QStringLiteral("exports/%1/englishHeader").arg(kind), false).toBool());
    form->addRow(QString(), m_englishHeader);

    // Which columns, in which order: tick (Space) and move (the buttons, Alt+Up/Down, or drag).
    m_columns->setObjectName(QStringLiteral("exportColumns"));
    m_columns->setDragDropMode(QAbstractItemView::InternalMove);
    m_columns->setDefaultDropAction(Qt::MoveAction);
    m_columns->setToolTip(tr("Tick the columns the file has; their order here is their order in the file."));
    m_columnsLabel->setBuddy(m_columns);
    m_columns->installEventFilter(this);
    auto *up = new QPushButton(tr("Move &up"));
    up->setObjectName(QStringLiteral("exportColumnUp"));
    up->setToolTip(tr("Alt+Up in the list"));
    up->setAutoDefault(false);
    auto *down = new QPushButton(tr("Move &down"));
    down->setObjectName(QStringLiteral("exportColumnDown"));
    down->setToolTip(tr("Alt+Down in the list"));
    down->setAutoDefault(false);
    auto *reset = new QPushButton(tr("&All, as shipped"));
    reset->setObjectName(QStringLiteral("exportColumnsReset"));
    reset->setToolTip(tr("Every column, in the default order."));
    reset->setAutoDefault(false);
    auto *moves = new QVBoxLayout;
    moves->addWidget(up);
    moves->addWidget(down);
    moves->addWidget(reset);
    moves->addStretch(1);
    auto *columnsRow = new QHBoxLayout(m_columnsBox);
    columnsRow->setContentsMargins(0, 0, 0, 0);
    columnsRow->addWidget(m_columns, 1);
    columnsRow->addLayout(moves);
    form->addRow(m_columnsLabel, m_columnsBox);
    m_columnsLabel->hide();
    m_columnsBox->hide();
    connect(up, &QPushButton::clicked, this, [this] { moveColumn(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveColumn(1); });
    connect(reset, &QPushButton::clicked, this, &TableExportDialog::restoreColumns);
    connect(m_columns, &QListWidget::itemChanged, this, &TableExportDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    if (!note.isEmpty()) {
        auto *text = new QLabel(note);
        text->setWordWrap(true);
        layout->addWidget(text);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_exportButton = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportAccept"));
    m_exportButton->setDefault(true);
    layout->addWidget(buttons);

    const QVariant remembered = QSettings().value(settingsKey(kind));
    if (remembered.isValid())
        setFormat(ExportFormat(remembered.toInt()));
    else
        formatChanged();

    connect(browse, &QPushButton::clicked, this, &TableExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &TableExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &TableExportDialog::formatChanged);
    connect(m_path, &QLineEdit::textChanged, this, &TableExportDialog::updateButtons);
    updateButtons();
}

TableExportDialog::~TableExportDialog() = default;

QString TableExportDialog::path() const
{
    return m_path->text().trimmed();
}

bool TableExportDialog::englishHeader() const
{
    return m_englishHeader->isChecked();
}

void TableExportDialog::setColumns(const QStringList &keys, const QStringList &labels)
{
    m_columnKeys = keys;
    m_columnLabels = labels;
    fillColumns(QSettings().value(columnsKey(m_kind)).toStringList());
    // Tall enough for every column of the kinds there are (at most about ten) without scrolling.
    const int rows = std::min(int(keys.size()), 10);
    m_columns->setMinimumHeight(m_columns->sizeHintForRow(0) * rows + 2 * m_columns->frameWidth() + 4);
    m_columnsLabel->show();
    m_columnsBox->show();
    updateButtons();
}

void TableExportDialog::setColumns(const QList<ExportColumn> &english, const QList<ExportColumn> &shown)
{
    QStringList keys;
    QStringList labels;
    for (const ExportColumn &column : english)
        keys.append(column.header);
    for (const ExportColumn &column : shown)
        labels.append(column.header);
    setColumns(keys, labels);
}

void TableExportDialog::fillColumns(const QStringList &remembered)
{
    // Remembered: "key" for a ticked column and "-key" for an unticked one, in the chosen order.
    // Keys no longer offered are dropped; columns new since then come last, ticked.
    const QSignalBlocker blocker(m_columns);
    m_columns->clear();
    QList<int> placed;
    const auto add = [this, &placed](int index, bool ticked) {
        auto *item = new QListWidgetItem(m_columnLabels.value(index, m_columnKeys.at(index)));
        item->setData(KeyRole, m_columnKeys.at(index));
        item->setData(IndexRole, index);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled);
        item->setCheckState(ticked ? Qt::Checked : Qt::Unchecked);
        m_columns->addItem(item);
        placed.append(index);
    };
    for (const QString &entry : remembered) {
        const bool ticked = !entry.startsWith(QLatin1Char('-'));
        const int index = m_columnKeys.indexOf(ticked ? entry : entry.mid(1));
        if (index >= 0 && !placed.contains(index))
            add(index, ticked);
    }
    for (int i = 0; i < m_columnKeys.size(); ++i) {
        if (!placed.contains(i))
            add(i, true);
    }
    m_columns->setCurrentRow(0);
}

QList<int> TableExportDialog::columnOrder() const
{
    QList<int> order;
    for (int row = 0; row < m_columns->count(); ++row) {
        const QListWidgetItem *item = m_columns->item(row);
        if (item->checkState() == Qt::Checked)
            order.append(item->data(IndexRole).toInt());
    }
    return order;
}

TableWriter::Options TableExportDialog::writerOptions() const
{
    TableWriter::Options options;
    options.englishHeader = englishHeader();
    options.columnOrder = columnOrder();
    return options;
}

bool TableExportDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Alt+Up / Alt+Down move the current column in the list.
    if (watched == m_columns && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::AltModifier && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveColumn(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void TableExportDialog::moveColumn(int by)
{
    const int row = m_columns->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_columns->count())
        return;
    const QSignalBlocker blocker(m_columns);
    QListWidgetItem *item = m_columns->takeItem(row);
    m_columns->insertItem(to, item);
    m_columns->setCurrentRow(to);
}

void TableExportDialog::restoreColumns()
{
    fillColumns({});
    updateButtons();
}

ExportFormat TableExportDialog::format() const
{
    return ExportFormat(m_format->currentData().toInt());
}

void TableExportDialog::setFormat(ExportFormat format)
{
    const int index = m_format->findData(int(format));
    if (index >= 0)
        m_format->setCurrentIndex(index);
    formatChanged();
}

void TableExportDialog::accept()
{
    if (path().isEmpty())
        return;
    QSettings().setValue(settingsKey(m_kind), int(format()));
    QSettings().setValue(QStringLiteral("exports/%1/englishHeader").arg(m_kind), englishHeader());
    if (!m_columnKeys.isEmpty()) {
        if (columnOrder().isEmpty())
            return;
        QStringList remembered;
        for (int row = 0; row < m_columns->count(); ++row) {
            const QListWidgetItem *item = m_columns->item(row);
            const QString key = item->data(KeyRole).toString();
            remembered.append(item->checkState() == Qt::Checked ? key : QLatin1Char('-') + key);
        }
        QSettings().setValue(columnsKey(m_kind), remembered);
    }
    QDialog::accept();
}

void TableExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, windowTitle(), path(), exportNameFilter(format()));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void TableExportDialog::formatChanged()
{
    // The name follows the format: report.csv becomes report.xlsx and back.
    QString text = path();
    if (text.isEmpty())
        return;
    const QFileInfo info(text);
    const QString suffix = exportSuffix(format());
    if (info.suffix().compare(suffix.mid(1), Qt::CaseInsensitive) == 0)
        return;
    if (info.suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0
        || info.suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0)
        text.chop(info.suffix().size() + 1);
    m_path->setText(text + suffix);
}

void TableExportDialog::updateButtons()
{
    // A file needs a name and at least one column.
    m_exportButton->setEnabled(!path().isEmpty() && (m_columnKeys.isEmpty() || !columnOrder().isEmpty()));
}

} // namespace kessai
