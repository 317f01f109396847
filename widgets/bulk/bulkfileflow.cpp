#include "bulkfileflow.h"

#include "bulk/bulkfileresolver.h"
#include "bulk/bulkplan.h"
#include "bulk/bulkservice.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>

namespace kessai {

BulkFileFlow::BulkFileFlow(BulkService *service, QWidget *parent)
    : QObject(parent)
    , m_service(service)
    , m_parent(parent)
{
}

BulkFileFlow::~BulkFileFlow()
{
    delete m_progress;
    delete m_dialog;
}

void BulkFileFlow::start(const QString &path)
{
    if (!m_service) {
        fail(tr("The bulk journal could not be opened, so nothing can be sent in bulk."));
        return;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(m_path), file.errorString()));
        return;
    }
    // Named by its whole path: the journal knows where the file was, for its result file.
    m_file = BulkFile::parse(file.readAll(), m_path);
    if (!m_file.needsResolving()) {
        confirm();
        return;
    }
    m_resolver = new BulkFileResolver(m_service->client(), this);
    m_progress = new QProgressDialog(m_parent);
    m_progress->setObjectName(QStringLiteral("bulkFileLookupProgress"));
    m_progress->setWindowTitle(tr("Looking up 取引ID"));
    m_progress->setLabelText(tr("Looking up the 取引ID of the file…"));
    m_progress->setCancelButtonText(tr("Stop", "stop reading the checked payments"));
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        m_resolver->cancel();
        end();
    });
    connect(m_resolver, &BulkFileResolver::progress, this, [this](int done, int total) {
        if (!m_progress)
            return;
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setLabelText(tr("Looking up the 取引ID of the file… %1 / %2")
                                     .arg(QLocale().toString(done), QLocale().toString(total)));
    });
    connect(m_resolver, &BulkFileResolver::finished, this, [this] {
        if (m_progress)
            m_progress->hide();
        if (m_resolver->error().isError()) {
            fail(tr("The 取引ID of the file could not be looked up: %1. Nothing was sent.")
                     .arg(m_resolver->error().displayText()));
            return;
        }
        m_file = m_resolver->result();
        confirm();
    });
    m_resolver->start(m_file);
}

void BulkFileFlow::confirm()
{
    m_earlier = m_service->batchesOfFile(m_file.sha256());
    m_dialog = new BulkFileDialog(m_file, m_earlier, m_parent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, &BulkFileFlow::run);
    connect(m_dialog, &QDialog::rejected, this, &BulkFileFlow::end);
    m_dialog->open();
}

void BulkFileFlow::run()
{
    if (!m_service) {
        end();
        return;
    }
    // This file's unfinished batches are finished under their keys; nothing new is made.
    bool resumed = false;
    for (const BatchJournal::Batch &batch : std::as_const(m_earlier)) {
        if (!batch.finished && m_service->resume(batch.id)) {
            resumed = true;
            Q_EMIT batchStarted(batch.id);
        }
    }
    if (resumed) {
        end();
        return;
    }
    for (const PaymentAction::Kind kind : {PaymentAction::Kind::Capture, PaymentAction::Kind::Cancel}) {
        BulkPlan plan(kind);
        plan.items = m_file.items(kind);
        if (plan.items.isEmpty())
            continue;
        const auto id = m_service->start(plan, m_file.journalSource(), m_file.lineNumbers(kind));
        if (!id) {
            fail(tr("Nothing more was sent: the bulk journal could not be written (%1).").arg(m_service->lastError()));
            return;
        }
        Q_EMIT batchStarted(*id);
    }
    end();
}

void BulkFileFlow::fail(const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Bulk file"), message, QMessageBox::Ok, m_parent);
    box->setObjectName(QStringLiteral("bulkFileError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    end();
}

void BulkFileFlow::end()
{
    Q_EMIT ended();
    deleteLater();
}

} // namespace kessai
