#pragma once

#include "csv/csvwriter.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace kessai {

// CSV出力: where to write the file and in which encoding (CP932 for Excel and Japanese
// accounting software by default, or UTF-8 with a BOM).
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    explicit ExportDialog(const QString &defaultPath, QWidget *parent = nullptr);
    ~ExportDialog() override;

    QString path() const;
    CsvEncoding encoding() const;

private:
    void browse();
    void updateButtons();

    QLineEdit *m_path;
    QComboBox *m_encoding;
    QPushButton *m_exportButton;
};

} // namespace kessai
