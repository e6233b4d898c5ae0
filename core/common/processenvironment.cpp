#include "core/common/processenvironment.h"

#include <QtGlobal>

#if defined(Q_OS_LINUX)
#include <cstdlib>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace genius::common {

void ensureOcrThreadLimit(char* argv[])
{
#if defined(Q_OS_LINUX)
    if (std::getenv("OMP_THREAD_LIMIT") != nullptr)
        return;
    ::setenv("OMP_THREAD_LIMIT", "1", 1);
    ::execv("/proc/self/exe", argv);
    // execv returned: carry on with the runtime's default threads (OCR only gets slower).
#else
    Q_UNUSED(argv)
#endif
}

void disableCoreDumps()
{
#if defined(Q_OS_LINUX)
    const rlimit none {0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
#endif
}

} // namespace genius::common
