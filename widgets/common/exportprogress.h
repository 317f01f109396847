#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QProgressDialog;
class QWidget;

namespace kessai {

class PagedExporter;
class PaymentExporter;
struct ExportResult;

// What the user sees of an export (payments, statement lines, the audit log): a window-modal
// progress dialog counting the rows, whose Cancel cancels it, then a message saying how many rows
// went to which file, or why it failed (no file was written). A cancel needs no message. One per
// exporter, for every run of it; it goes with the exporter.
class ExportProgress final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportProgress)

public:
    // title names the export in the dialogs; label is the progress dialog's text.
    ExportProgress(PagedExporter *exporter, QWidget *window, const QString &title, const QString &label);
    ExportProgress(PaymentExporter *exporter, QWidget *window, const QString &title, const QString &label);
    ~ExportProgress() override;

    // The progress dialog now (it appears after a moment), not at the first progress signal.
    void begin();

private:
    template<class Exporter>
    void attach(Exporter *exporter);
    void onProgress(qint64 done, qint64 total);
    void onFinished(const ExportResult &result);

    QWidget *m_window;
    QString m_title;
    QString m_label;
    std::function<void()> m_cancel;
    QPointer<QProgressDialog> m_dialog;
};

} // namespace kessai
