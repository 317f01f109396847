#pragma once

#include "export/tablewriter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace kessai {

// Where an export goes and in which format: CSV as UTF-8 with a BOM (Excel opens it right),
// Shift_JIS (CP932) for Japanese accounting software, plain UTF-8, or an Excel workbook; which
// columns, in which order, with Japanese or English names. The extension follows the format; the
// format, the columns and the header language chosen last are remembered per kind of export.
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
    // The columns the file can have, in their default order: keys that stay the same across
    // languages and versions (the English names) and the labels shown. Without this call the
    // dialog offers no column choice and every column is written.
    void setColumns(const QStringList &keys, const QStringList &labels);
    // The same from an exporter's columns in English (the keys) and as shown.
    void setColumns(const QList<ExportColumn> &english, const QList<ExportColumn> &shown);
    // The ticked columns, as indices into setColumns()'s lists, in the order chosen.
    QList<int> columnOrder() const;
    // englishHeader() and columnOrder(), for the exporter.
    TableWriter::Options writerOptions() const;

    void accept() override; // remembers the format and the columns

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void browse();
    void formatChanged();
    void updateButtons();
    void moveColumn(int by);
    void restoreColumns();
    void fillColumns(const QStringList &remembered);

    QString m_kind;
    QLineEdit *m_path;
    QComboBox *m_format;
    QCheckBox *m_englishHeader;
    QStringList m_columnKeys;
    QStringList m_columnLabels;
    QLabel *m_columnsLabel;
    QWidget *m_columnsBox;
    QListWidget *m_columns;
    QPushButton *m_exportButton;
};

} // namespace kessai
