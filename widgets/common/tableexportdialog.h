#pragma once

#include "export/tablewriter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kessai {

// Where an export goes and in which format: CSV as UTF-8 with a BOM (Excel opens it right),
// Shift_JIS (CP932) for Japanese accounting software, plain UTF-8, or an Excel workbook. The
// extension follows the format; the format chosen last is remembered per kind of export.
class TableExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableExportDialog)

public:
    // kind names the export in the settings ("statement-lines"); note says what is exported.
    TableExportDialog(const QString &kind, const QString &title, const QString &defaultPath, const QString &note,
                      QWidget *parent = nullptr);
    ~TableExportDialog() override;

    QString path() const;
    ExportFormat format() const;
    void setFormat(ExportFormat format);
    // Column names in English whatever the console's language (remembered per kind too).
    bool englishHeader() const;

    void accept() override; // remembers the format

private:
    void browse();
    void formatChanged();
    void updateButtons();

    QString m_kind;
    QLineEdit *m_path;
    QComboBox *m_format;
    QCheckBox *m_englishHeader;
    QPushButton *m_exportButton;
};

} // namespace kessai
