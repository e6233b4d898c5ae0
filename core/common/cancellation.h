#pragma once

#include <atomic>
#include <memory>

namespace genius::common {

/// A shared flag that long work (import, OCR, embedding, search) polls between steps.
/// Copies share the flag: the owner keeps one copy and calls cancel(), workers keep others.
class CancellationToken final
{
public:
    CancellationToken();

    void cancel() const;
    bool isCancelled() const;

private:
    std::shared_ptr<std::atomic_bool> m_flag;
};

} // namespace genius::common
