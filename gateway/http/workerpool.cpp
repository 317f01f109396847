#include "workerpool.h"

#include "common/logtext.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcGatewayHttp)

namespace kessai::gateway {

WorkerPool::~WorkerPool()
{
    stop();
}

void WorkerPool::start(int threads, int queueLimit, std::function<void()> atExit)
{
    std::lock_guard lock(m_mutex);
    m_queueLimit = queueLimit;
    m_atExit = std::move(atExit);
    m_stopping = false;
    for (int i = 0; i < threads; ++i)
        m_threads.emplace_back([this] { work(); });
}

bool WorkerPool::trySubmit(std::function<void()> task)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_threads.empty() || int(m_queue.size()) >= m_queueLimit)
            return false;
        m_queue.push_back(std::move(task));
    }
    m_ready.notify_one();
    return true;
}

void WorkerPool::stop()
{
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
        threads.swap(m_threads);
    }
    m_ready.notify_all();
    for (std::thread &thread : threads)
        thread.join();
}

void WorkerPool::work()
{
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                break;
            task = std::move(m_queue.front());
            m_queue.pop_front();
        }
        // A task is the edge's own code around a handler, which catches what a handler throws;
        // this is the last line, so that a worker never dies and the pool never shrinks.
        try {
            task();
        } catch (const std::exception &e) {
            qCCritical(lcGatewayHttp).noquote() << "worker task threw:" << escapedText(QString::fromLocal8Bit(e.what()));
        } catch (...) {
            qCCritical(lcGatewayHttp).noquote() << "worker task threw";
        }
    }
    if (m_atExit)
        m_atExit();
}

} // namespace kessai::gateway
