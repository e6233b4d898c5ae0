#include "httprequest.h"

namespace genius::sim {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto& entry : headers) {
        if (name.compare(entry.first, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace genius::sim
