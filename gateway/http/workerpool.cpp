#include "workerpool.h"

#include "common/logtext.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcGatewayHttp)

namespace kessai::gateway {

WorkerPool::~WorkerPool()
{
    stop();
}

void WorkerPool::start(int threads, int queueLimit, std::function<void()> atStart, std::function<void()> atExit)
{
    std::lock_guard lock(m_mutex);
    m_queueLimit = queueLimit;
    m_atStart = std::move(atStart);
    m_atExit = std::move(atExit);
    m_stopping = false;
    for (int i = 0; i < threads; ++i) {
        m_workers.push_back(std::make_unique<Worker>());
        Worker *worker = m_workers.back().get();
        m_threads.emplace_back([this, worker] { work(*worker); });
    }
}

bool WorkerPool::trySubmit(std::function<void()> task)
{
    std::unique_lock lock(m_mutex);
    if (m_stopping || m_threads.empty())
        return false;
    if (!m_idle.empty()) {
        // The worker that went idle last: its thread, its caches and its database connection's
        // pages are the warmest. Under a light load a few workers serve everything.
        Worker *worker = m_idle.back();
        m_idle.pop_back();
        worker->task = std::move(task);
        worker->hasTask = true;
        // Under the lock: stop() cannot free the worker between the hand-over and the wake.
        worker->wake.notify_one();
        return true;
    }
    if (int(m_queue.size()) >= m_queueLimit)
        return false;
    m_queue.push_back(std::move(task));
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
        for (const auto &worker : m_workers)
            worker->wake.notify_one();
    }
    for (std::thread &thread : threads)
        thread.join();
    std::lock_guard lock(m_mutex);
    m_idle.clear();
    m_workers.clear();
}

void WorkerPool::work(Worker &me)
{
    try {
        if (m_atStart)
            m_atStart(); // only a warm-up: the worker serves without it
    } catch (const std::exception &e) {
        qCCritical(lcGatewayHttp).noquote() << "worker warm-up threw:" << escapedText(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        qCCritical(lcGatewayHttp).noquote() << "worker warm-up threw";
    }
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_stopping)
            break;
        std::function<void()> task;
        if (me.hasTask) {
            task = std::move(me.task);
            me.hasTask = false;
        } else if (!m_queue.empty()) {
            task = std::move(m_queue.front());
            m_queue.pop_front();
        } else {
            m_idle.push_back(&me);
            me.wake.wait(lock, [this, &me] { return m_stopping || me.hasTask; });
            continue;
        }
        lock.unlock();
        // A task is the edge's own code around a handler, which catches what a handler throws;
        // this is the last line, so that a worker never dies and the pool never shrinks.
        try {
            task();
        } catch (const std::exception &e) {
            qCCritical(lcGatewayHttp).noquote() << "worker task threw:" << escapedText(QString::fromLocal8Bit(e.what()));
        } catch (...) {
            qCCritical(lcGatewayHttp).noquote() << "worker task threw";
        }
        task = nullptr; // what it holds (a connection) goes before the next wait
        lock.lock();
    }
    lock.unlock();
    if (m_atExit)
        m_atExit();
}

} // namespace kessai::gateway
