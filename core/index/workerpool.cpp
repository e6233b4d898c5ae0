#include "core/index/workerpool.h"

namespace genius::index {

WorkerPool::WorkerPool(int threads)
{
    for (int worker = 1; worker < threads; ++worker)
        m_threads.emplace_back([this, worker] { loop(worker); });
}

WorkerPool::~WorkerPool()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    for (std::thread& thread : m_threads)
        thread.join();
}

void WorkerPool::run(const std::function<void(int)>& task)
{
    std::lock_guard serial(m_runMutex);
    {
        std::lock_guard lock(m_mutex);
        m_task = &task;
        m_pending = static_cast<int>(m_threads.size());
        ++m_generation;
    }
    m_wake.notify_all();
    task(0);
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_pending == 0; });
    m_task = nullptr;
}

void WorkerPool::loop(int worker)
{
    quint64 seen = 0;
    for (;;) {
        const std::function<void(int)>* task = nullptr;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stop || m_generation != seen; });
            if (m_stop)
                return;
            seen = m_generation;
            task = m_task;
        }
        (*task)(worker);
        std::lock_guard lock(m_mutex);
        if (--m_pending == 0)
            m_done.notify_one();
    }
}

} // namespace genius::index
