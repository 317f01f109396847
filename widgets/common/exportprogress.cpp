#include "exportprogress.h"

#include "export/pagedexporter.h"
#include "export/paymentexporter.h"

#include <QDir>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>

#include <algorithm>
#include <limits>

namespace kessai {

ExportProgress::ExportProgress(PagedExporter *exporter, QWidget *window, const QString &title, const QString &label)
    : QObject(exporter)
    , m_window(window)
    , m_title(title)
    , m_label(label)
{
    attach(exporter);
}

ExportProgress::ExportProgress(PaymentExporter *exporter, QWidget *window, const QString &title, const QString &label)
    : QObject(exporter)
    , m_window(window)
    , m_title(title)
    , m_label(label)
{
    attach(exporter);
}

ExportProgress::~ExportProgress()
{
    delete m_dialog;
}

template<class Exporter>
void ExportProgress::attach(Exporter *exporter)
{
    m_cancel = [exporter] { exporter->cancel(); };
    connect(exporter, &Exporter::progress, this, &ExportProgress::onProgress);
    connect(exporter, &Exporter::finished, this, &ExportProgress::onFinished);
}

void ExportProgress::begin()
{
    if (m_dialog)
        return;
    m_dialog = new QProgressDialog(m_label, tr("Cancel"), 0, 0, m_window);
    m_dialog->setObjectName(QStringLiteral("exportProgress"));
    m_dialog->setWindowTitle(m_title);
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    m_dialog->setMinimumDuration(300);
    connect(m_dialog, &QProgressDialog::canceled, this, [this] { m_cancel(); });
}

void ExportProgress::onProgress(qint64 done, qint64 total)
{
    begin();
    const QLocale locale;
    if (total > 0) {
        // QProgressDialog counts in int: a scale of 1,000 keeps millions of rows in range.
        m_dialog->setMaximum(1000);
        m_dialog->setValue(int(std::min<qint64>(1000, done * 1000 / total)));
        m_dialog->setLabelText(m_label + u'\n' + tr("%1 of %2").arg(locale.toString(done), locale.toString(total)));
    } else { // the total is not known: the busy indicator and the count so far
        m_dialog->setLabelText(m_label + u'\n' + locale.toString(done));
    }
}

void ExportProgress::onFinished(const ExportResult &result)
{
    if (m_dialog) {
        m_dialog->hide();
        m_dialog->deleteLater();
        m_dialog = nullptr;
    }
    if (result.cancelled)
        return;
    auto *box = new QMessageBox(m_window);
    box->setObjectName(QStringLiteral("exportResult"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(m_title);
    if (result.ok()) {
        box->setIcon(QMessageBox::Information);
        box->setText(tr("%Ln row(s) exported to %1.", nullptr, int(std::min<qint64>(result.rows, std::numeric_limits<int>::max())))
                         .arg(QDir::toNativeSeparators(result.path)));
    } else {
        box->setIcon(QMessageBox::Warning);
        box->setText(tr("The export failed. No file was written."));
        box->setInformativeText(result.errorText());
    }
    box->open();
}

} // namespace kessai
