#include "keysetpager.h"

#include "apireply.h"
#include "paymentlistpage.h"

#include <QEventLoop>

namespace kessai {

KeysetPager::KeysetPager(QObject *parent)
    : QObject(parent)
{
}

KeysetPager::~KeysetPager()
{
    stop();
}

void KeysetPager::setRequests(PageRequest page, PageReader reader, CountRequest count)
{
    m_request = std::move(page);
    m_reader = std::move(reader);
    m_count = std::move(count);
}

void KeysetPager::stop()
{
    // A new generation makes any answer still on its way harmless; aborting saves the work.
    ++m_generation;
    const bool wasLoading = isLoading();
    for (ApiReply *reply : {m_pageReply.data(), m_countReply.data()}) {
        if (reply)
            reply->abort();
    }
    m_pageReply = nullptr;
    m_countReply = nullptr;
    m_started = false;
    if (wasLoading)
        Q_EMIT loadingChanged(false);
}

void KeysetPager::resumeAt(const QString &cursor)
{
    stop();
    m_started = true;
    m_failed = false;
    m_cursor = cursor;
    m_atEnd = cursor.isEmpty();
}

void KeysetPager::restart(bool count)
{
    stop();
    m_started = true;
    m_failed = false;
    m_atEnd = false;
    m_cursor.clear();
    m_pages = 0;
    if (!count || !m_count)
        return;
    if (m_total != -1) {
        m_total = -1;
        Q_EMIT totalChanged(m_total);
    }
    const quint64 generation = m_generation;
    ApiReply *reply = m_count();
    if (!reply)
        return; // a list without a count (statements, their lines)
    m_countReply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation)
            return;
        m_countReply = nullptr;
        // The page request reports errors; a missing total just stays unknown.
        const std::optional<qint64> total = readTotal(*reply);
        if (total) {
            m_total = *total;
            Q_EMIT totalChanged(m_total);
        }
    });
}

bool KeysetPager::fetch(int limit)
{
    if (!m_started || isLoading() || m_failed || m_atEnd || !m_request)
        return false;
    const quint64 generation = m_generation;
    ApiReply *reply = m_request(m_cursor, limit);
    m_pageReply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, generation] { onPage(reply, generation); });
    Q_EMIT loadingChanged(true);
    return true;
}

void KeysetPager::onPage(ApiReply *reply, quint64 generation)
{
    if (generation != m_generation)
        return; // an answer to an earlier walk: the newest wins
    m_pageReply = nullptr;
    std::optional<QString> next;
    if (reply->ok())
        next = m_reader(*reply);
    if (!next) {
        m_failed = true;
        Q_EMIT loadingChanged(false);
        Q_EMIT failed(reply->error());
        return;
    }
    m_cursor = *next;
    m_atEnd = m_cursor.isEmpty();
    ++m_pages;
    // The rows first, then "not loading": whoever waits for the end of loading finds them there.
    Q_EMIT pageRead();
    if (!isLoading()) // unless pageRead asked for the next page already
        Q_EMIT loadingChanged(false);
}

ApiError KeysetPager::readAll(int pageSize, const std::function<qint64()> &rowsRead, qint64 maxRows)
{
    if (!m_started)
        restart();
    ApiError error;
    QEventLoop loop;
    const auto onRead = connect(this, &KeysetPager::pageRead, &loop, &QEventLoop::quit);
    const auto onFailed = connect(this, &KeysetPager::failed, &loop, [&](const ApiError &e) {
        error = e;
        loop.quit();
    });
    while (!error.isError() && !isExhausted()) {
        const qint64 read = rowsRead ? rowsRead() : 0;
        if (maxRows >= 0 && read >= maxRows)
            break;
        const int limit = maxRows >= 0 ? int(std::min<qint64>(pageSize, maxRows - read)) : pageSize;
        if (!fetch(limit))
            break;
        loop.exec();
    }
    disconnect(onRead);
    disconnect(onFailed);
    return error;
}

} // namespace kessai
