#include "tableexportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace kessai {

namespace {

QString settingsKey(const QString &kind)
{
    return QStringLiteral("exports/%1/format").arg(kind);
}

} // namespace

TableExportDialog::TableExportDialog(const QString &kind, const QString &title, const QString &defaultPath,
                                     const QString &note, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_path(new QLineEdit(defaultPath))
    , m_format(new QComboBox)
    , m_englishHeader(new QCheckBox(tr("Column names in &English")))
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
    m_exportButton->setEnabled(!path().isEmpty());
}

} // namespace kessai
