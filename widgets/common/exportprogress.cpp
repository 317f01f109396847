#include "exportprogress.h"

#include "export/pagedexporter.h"

#include <QMessageBox>
#include <QProgressDialog>

#include <algorithm>

namespace kessai {

ExportProgress::ExportProgress(PagedExporter *exporter, QWidget *window, const QString &title, const QString &label)
    : QObject(exporter)
    , m_exporter(exporter)
    , m_window(window)
    , m_title(title)
    , m_label(label)
{
    connect(exporter, &PagedExporter::progress, this, &ExportProgress::onProgress);
    connect(exporter, &PagedExporter::finished, this, &ExportProgress::onFinished);
}

ExportProgress::~ExportProgress() = default;

void ExportProgress::onProgress(qint64 done, qint64 total)
{
    if (!m_dialog) {
        m_dialog = new QProgressDialog(m_label, tr("Cancel"), 0, 0, m_window);
        m_dialog->setObjectName(QStringLiteral("exportProgress"));
        m_dialog->setWindowModality(Qt::WindowModal);
        m_dialog->setMinimumDuration(500);
        connect(m_dialog, &QProgressDialog::canceled, m_exporter, &PagedExporter::cancel);
    }
    // An unknown total (-1) keeps the dialog's busy indicator.
    m_dialog->setMaximum(int(std::max<qint64>(total, 0)));
    m_dialog->setValue(int(std::min(done, std::max(total, done))));
}

void ExportProgress::onFinished(const ExportResult &result)
{
    if (m_dialog)
        m_dialog->deleteLater();
    if (!result.ok() && !result.cancelled)
        QMessageBox::warning(m_window, m_title, tr("The export failed. No file was written.") + u'\n' + result.errorText());
}

} // namespace kessai
