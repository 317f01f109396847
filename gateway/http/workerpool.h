#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kessai::gateway {

// The threads that run handlers, apart from the threads that move bytes: a fixed number of
// workers and a bounded queue in front of them. A task that finds the queue full is refused
// (the edge answers 503), never left to wait without bound. A task goes to the worker that
// went idle last (its caches are warm), or waits in the queue when none is idle.
class WorkerPool
{
public:
    WorkerPool() = default;
    ~WorkerPool();
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    // atStart runs on each worker before its first task (its database connection is opened
    // there, so that the first requests after a start do not pay for it); atExit as it ends (a
    // thread's database connections are closed there).
    void start(int threads, int queueLimit, std::function<void()> atStart = {}, std::function<void()> atExit = {});
    // False when queueLimit tasks already wait, or the pool is stopping.
    bool trySubmit(std::function<void()> task);
    // Runs no queued task more; waits for the running ones and ends the workers.
    void stop();

private:
    struct Worker
    {
        std::condition_variable wake;
        std::function<void()> task; // handed over by trySubmit
        bool hasTask = false;
    };
    void work(Worker &me);

    std::mutex m_mutex;
    std::deque<std::function<void()>> m_queue;
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::vector<Worker *> m_idle; // the most recently idle last
    std::vector<std::thread> m_threads;
    std::function<void()> m_atStart;
    std::function<void()> m_atExit;
    int m_queueLimit = 0;
    bool m_stopping = false;
};

} // namespace kessai::gateway
