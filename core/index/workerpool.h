#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <QtGlobal>

namespace genius::index {

/// Persistent threads for scans that touch all memory of an index: run() hands the same task
/// to every worker (the caller is worker 0) and returns when all are done. One task at a time;
/// no thread is started per call.
class WorkerPool final
{
public:
    explicit WorkerPool(int threads);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    int size() const { return static_cast<int>(m_threads.size()) + 1; }
    void run(const std::function<void(int)>& task);

private:
    void loop(int worker);

    std::mutex m_runMutex;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    const std::function<void(int)>* m_task = nullptr;
    quint64 m_generation = 0;
    int m_pending = 0;
    bool m_stop = false;
    std::vector<std::thread> m_threads;
};

} // namespace genius::index
