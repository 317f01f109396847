#pragma once

#include "api/keysetpager.h"
#include "export/paymentexporter.h"
#include "export/tablewriter.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace kessai {

class MerchantClient;

// Writes every row of a paged list of the gateway (statement lines, the audit log) to a file,
// paging 1,000 rows at a time on the event loop: progress, cancel, and nothing left under the
// name unless every row was written. A subclass says which list and how a row reads.
class PagedExporter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedExporter)

public:
    ~PagedExporter() override;

    void setOutputPath(const QString &path) { m_path = path; }
    void setFormat(ExportFormat format) { m_format = format; }
    void setOptions(const TableWriter::Options &options) { m_options = options; }
    // The number of rows the walk will write, when the caller knows it: the progress total.
    void setExpectedRows(qint64 rows) { m_expected = rows; }

    bool isRunning() const { return m_running; }

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void progress(qint64 done, qint64 total); // total -1 when not known
    void finished(const kessai::ExportResult &result); // exactly once per start()

protected:
    explicit PagedExporter(MerchantClient *client, QObject *parent = nullptr);

    MerchantClient *client() const;

    virtual QList<ExportColumn> columns(bool englishHeader) const = 0;
    virtual ApiReply *requestPage(const QString &cursor, int limit) = 0;
    // Reads a page answer into rows (cells of columns()) and returns the next cursor, empty after
    // the last page; nullopt, with why, when the answer cannot be read.
    virtual std::optional<QString> readPage(const ApiReply &reply, QList<QVariantList> &rows, QString *why) = 0;

private:
    void writePage();
    void finish(ExportResult result);

    QPointer<MerchantClient> m_client;
    QString m_path;
    ExportFormat m_format = ExportFormat::CsvUtf8Bom;
    TableWriter::Options m_options;
    std::unique_ptr<TableWriter> m_writer;
    KeysetPager *m_pager;
    QList<QVariantList> m_page;
    qint64 m_expected = -1;
    qint64 m_rows = 0;
    bool m_running = false;
};

} // namespace kessai
