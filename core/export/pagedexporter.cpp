#include "pagedexporter.h"

#include "api/apireply.h"
#include "api/merchantclient.h"

namespace kessai {

namespace {
constexpr int PageSize = 1000;
}

PagedExporter::PagedExporter(MerchantClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_pager(new KeysetPager(this))
{
    m_pager->setRequests(
        [this](const QString &cursor, int limit) -> ApiReply * {
            return m_client ? requestPage(cursor, limit) : nullptr;
        },
        [this](ApiReply &reply) -> std::optional<QString> {
            QString why;
            QList<QVariantList> rows;
            std::optional<QString> next = readPage(reply, rows, &why);
            if (!next) {
                reply.setMalformed(why);
                return std::nullopt;
            }
            m_page = std::move(rows);
            return next;
        });
    connect(m_pager, &KeysetPager::pageRead, this, &PagedExporter::writePage);
    connect(m_pager, &KeysetPager::failed, this, [this](const ApiError &error) {
        ExportResult result;
        result.apiError = error;
        finish(result);
    });
}

PagedExporter::~PagedExporter() = default;

MerchantClient *PagedExporter::client() const
{
    return m_client;
}

void PagedExporter::start()
{
    if (m_running)
        return;
    m_running = true;
    m_rows = 0;
    ExportResult result;
    if (!m_client) {
        result.apiError.kind = ApiError::Kind::Connection;
        result.apiError.message = tr("Not connected to the gateway.");
        finish(result);
        return;
    }
    m_writer = TableWriter::create(m_path, m_format, m_options);
    if (!m_writer) {
        result.csvError.kind = CsvError::Kind::Io;
        result.csvError.detail = tr("this format is not available");
        finish(result);
        return;
    }
    if (CsvError error = m_writer->open(columns(m_options.englishHeader)); error.isError()) {
        result.csvError = error;
        finish(result);
        return;
    }
    Q_EMIT progress(0, m_expected);
    m_pager->restart(false);
    m_pager->fetch(PageSize);
}

void PagedExporter::writePage()
{
    if (!m_running)
        return;
    const QList<QVariantList> page = std::exchange(m_page, {});
    const bool last = m_pager->isExhausted();
    m_pager->fetch(PageSize); // the gateway reads the next page while this one is written
    for (const QVariantList &cells : page) {
        if (CsvError error = m_writer->writeRow(cells); error.isError()) {
            ExportResult result;
            result.csvError = error;
            finish(result);
            return;
        }
        ++m_rows;
    }
    Q_EMIT progress(m_rows, last ? m_rows : m_expected);
    if (!last)
        return;
    ExportResult result;
    result.rows = m_rows;
    result.replacements = m_writer->replacements();
    result.csvError = m_writer->commit();
    finish(result);
}

void PagedExporter::cancel()
{
    if (!m_running)
        return;
    ExportResult result;
    result.cancelled = true;
    finish(result);
}

void PagedExporter::finish(ExportResult result)
{
    m_pager->stop();
    m_page.clear();
    m_writer.reset(); // without commit() the temporary file goes
    m_running = false;
    result.path = m_path;
    Q_EMIT finished(result);
}

} // namespace kessai
