#pragma once

#include "apierror.h"
#include "apireply.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace kessai {


// One walk through a paged list of the gateway (a GET with cursor and limit, answered with rows
// and a next cursor), written once for every table, export and command-line listing: one page
// in flight at a time, the total asked for beside the rows (it is often slower than a page),
// and the newest walk wins — answers of an earlier walk or of a stopped one are dropped.
class KeysetPager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeysetPager)

public:
    using PageRequest = std::function<ApiReply *(const QString &cursor, int limit)>;
    using CountRequest = std::function<ApiReply *()>;
    // Reads a successful page answer (the caller keeps its rows) and returns the next cursor,
    // empty after the last page; nullopt if the answer could not be read (mark the reply with
    // ApiReply::setMalformed to say why).
    using PageReader = std::function<std::optional<QString>(ApiReply &reply)>;

    explicit KeysetPager(QObject *parent = nullptr);
    ~KeysetPager() override;

    void setRequests(PageRequest page, PageReader reader, CountRequest count = {});

    // A new walk from the first page; the total is asked for again when count is set and a
    // count request was given. Nothing is fetched until fetch().
    void restart(bool count = true);
    // Goes on from a cursor another walk reached (empty: that walk read the last page); the
    // total is left as it is.
    void resumeAt(const QString &cursor);
    // Drops the walk: requests in flight are aborted and their answers ignored.
    void stop();

    // Asks for the next page; false while one is in flight, after the last page or a failure.
    bool fetch(int limit);

    bool isStarted() const { return m_started; }
    bool isLoading() const { return m_pageReply != nullptr; }
    bool isCounting() const { return m_countReply != nullptr; }
    // The last page arrived (or the walk failed): nothing more to fetch.
    bool isExhausted() const { return m_started && !isLoading() && (m_atEnd || m_failed); }
    bool hasFailed() const { return m_failed; }
    QString cursor() const { return m_cursor; }
    int pagesRead() const { return m_pages; }
    // -1 until the count arrives (or when none was asked for).
    qint64 total() const { return m_total; }

    // Walks every page at once, in a local event loop, until the last page or maxRows (counted
    // by the reader through rowsRead): for kessaictl and tests, never for the GUI.
    ApiError readAll(int pageSize, const std::function<qint64()> &rowsRead = {}, qint64 maxRows = -1);

Q_SIGNALS:
    // A page was read by the reader; the pager already points past it.
    void pageRead();
    // The page request failed, or its answer could not be read; the walk ends.
    void failed(const kessai::ApiError &error);
    void totalChanged(qint64 total);
    void loadingChanged(bool loading);

private:
    void onPage(ApiReply *reply, quint64 generation);

    PageRequest m_request;
    PageReader m_reader;
    CountRequest m_count;
    QPointer<ApiReply> m_pageReply;
    QPointer<ApiReply> m_countReply;
    QString m_cursor;
    quint64 m_generation = 0;
    qint64 m_total = -1;
    int m_pages = 0;
    bool m_started = false;
    bool m_failed = false;
    bool m_atEnd = false;
};

} // namespace kessai
