#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace genius::sim {

/// Header fields in arrival order; request header names are stored lower-case.
using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// One parsed HTTP/1.1 request.
struct HttpRequest {
    QByteArray method;
    QByteArray target;   ///< the raw request target, e.g. "/v1/models?x=1"
    QString path;        ///< the decoded path without the query
    QUrlQuery query;
    HeaderList headers;
    QByteArray body;
    bool bodyTooLarge = false; ///< Content-Length above the limit: the body was not read
    bool loopbackPeer = false;

    /// The first value of a header (name compared case-insensitively), or an empty array.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
};

/// A complete response with a known length.
struct HttpResponse {
    int status = 200;
    HeaderList headers;
    QByteArray body;
};

} // namespace genius::sim
