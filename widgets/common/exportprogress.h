#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QProgressDialog;
class QWidget;

namespace kessai {

class PagedExporter;
struct ExportResult;

// What the user sees of a paged export (statement lines, the audit log): a window-modal progress
// dialog from half a second on, whose Cancel cancels it, and a message saying why it failed
// (no file was written). One per exporter, for every run of it.
class ExportProgress final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportProgress)

public:
    // title names the export in the failure message; label is the progress dialog's text.
    ExportProgress(PagedExporter *exporter, QWidget *window, const QString &title, const QString &label);
    ~ExportProgress() override;

private:
    void onProgress(qint64 done, qint64 total);
    void onFinished(const ExportResult &result);

    PagedExporter *m_exporter;
    QWidget *m_window;
    QString m_title;
    QString m_label;
    QPointer<QProgressDialog> m_dialog;
};

} // namespace kessai
