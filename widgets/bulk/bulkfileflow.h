#pragma once

#include "bulk/bulkfile.h"
#include "bulk/bulkfiledialog.h"

#include <QObject>
#include <QPointer>

class QProgressDialog;
class QWidget;

namespace kessai {

class BulkFileResolver;
class BulkService;

// ファイル処理 in the console: a CSV opened or dropped on 一括処理 is read and checked, its
// 取引ID looked up on the gateway (under a progress dialog that can be stopped), then shown in a
// BulkFileDialog. Confirmed, it becomes one journaled batch per action — or, when this same file
// left a batch unfinished, that batch is finished instead. Nothing is sent before the
// confirmation. One flow per file; it deletes itself.
class BulkFileFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkFileFlow)

public:
    BulkFileFlow(BulkService *service, QWidget *parent);
    ~BulkFileFlow() override;

    void start(const QString &path);
    BulkFileDialog *dialog() const { return m_dialog; }

Q_SIGNALS:
    void batchStarted(qint64 batchId);
    void ended();

private:
    void confirm();
    void run();
    void fail(const QString &message);
    void end();

    QPointer<BulkService> m_service;
    QWidget *m_parent;
    QString m_path;
    BulkFile m_file;
    BulkFileResolver *m_resolver = nullptr;
    QPointer<QProgressDialog> m_progress;
    QPointer<BulkFileDialog> m_dialog;
    QList<BatchJournal::Batch> m_earlier;
};

} // namespace kessai
