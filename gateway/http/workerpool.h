#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kessai::gateway {

// The threads that run handlers, apart from the threads that move bytes: a fixed number of
// workers and a bounded queue in front of them. A task that finds the queue full is refused
// (the edge answers 503), never left to wait without bound.
class WorkerPool
{
public:
    WorkerPool() = default;
    ~WorkerPool();
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    // atExit runs on each worker as it ends (a thread's database connections are closed there).
    void start(int threads, int queueLimit, std::function<void()> atExit = {});
    // False when queueLimit tasks already wait, or the pool is stopping.
    bool trySubmit(std::function<void()> task);
    // Runs no queued task more; waits for the running ones and ends the workers.
    void stop();

private:
    void work();

    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::function<void()>> m_queue;
    std::vector<std::thread> m_threads;
    std::function<void()> m_atExit;
    int m_queueLimit = 0;
    bool m_stopping = false;
};

} // namespace kessai::gateway
