#include "core/common/cancellation.h"

namespace genius::common {

CancellationToken::CancellationToken()
    : m_flag(std::make_shared<std::atomic_bool>(false))
{
}

void CancellationToken::cancel() const
{
    m_flag->store(true, std::memory_order_relaxed);
}

bool CancellationToken::isCancelled() const
{
    return m_flag->load(std::memory_order_relaxed);
}

} // namespace genius::common
