#include "core/common/logging.h"

Q_LOGGING_CATEGORY(lcCommon, "genius.common", QtInfoMsg)

namespace genius::common {

void installLogFormat()
{
    qSetMessagePattern(QStringLiteral(
        "%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-debug}D%{endif}%{if-info}I%{endif}"
        "%{if-warning}W%{endif}%{if-critical}C%{endif}%{if-fatal}F%{endif} %{category}: %{message}"));
}

} // namespace genius::common
