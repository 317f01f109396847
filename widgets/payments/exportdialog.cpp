#include "exportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kessai {

ExportDialog::ExportDialog(const QString &defaultPath, QWidget *parent)
    : QDialog(parent)
    , m_path(new QLineEdit(defaultPath))
    , m_encoding(new QComboBox)
    , m_exportButton(nullptr)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export CSV"));
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setMinimumWidth(m_path->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 32);
    auto *browse = new QPushButton(tr("Browse…"));
    browse->setObjectName(QStringLiteral("exportBrowse"));
    browse->setAutoDefault(false); // Enter exports, wherever the focus is
    m_encoding->setObjectName(QStringLiteral("exportEncoding"));
    m_encoding->addItem(tr("Excel / Japanese accounting software (Shift_JIS / CP932)"), int(CsvEncoding::Cp932));
    m_encoding->addItem(tr("UTF-8 (with BOM)"), int(CsvEncoding::Utf8Bom));

    auto *file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("File:"), file);
    form->addRow(tr("Encoding:"), m_encoding);

    auto *note = new QLabel(tr("Every payment that matches the current search is exported, not only the rows on screen. "
                               "Card numbers are never exported."));
    note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_exportButton = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportAccept"));
    m_exportButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateButtons);
    connect(m_path, &QLineEdit::returnPressed, this, [this] {
        if (m_exportButton->isEnabled())
            accept();
    });
    updateButtons();
}

ExportDialog::~ExportDialog() = default;

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

CsvEncoding ExportDialog::encoding() const
{
    return CsvEncoding(m_encoding->currentData().toInt());
}

void ExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export CSV"), path(), tr("CSV files (*.csv)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ExportDialog::updateButtons()
{
    m_exportButton->setEnabled(!path().isEmpty());
}

} // namespace kessai
