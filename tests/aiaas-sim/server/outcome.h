#pragma once

#include "httprequest.h"

namespace genius::sim {

/// One write of a streamed body: bytes sent with one flush after a delay.
struct StreamWrite {
    QByteArray bytes;
    int delayMs = 0;         ///< pause before this write
    bool abortAfter = false; ///< drop the connection right after this write
};

/// A streamed response, written by a StreamPlayer.
struct StreamPlan {
    int status = 200;
    HeaderList headers;
    QList<StreamWrite> writes;
    bool gzip = false;           ///< Content-Encoding: gzip over the whole body
    bool closeDelimited = false; ///< end the body by closing the connection instead of chunked coding
    bool hardReset = false;      ///< abortAfter sends a TCP reset instead of an orderly close
};

/// What the router decided to do with a request.
struct Outcome {
    enum class Kind {
        Respond, ///< a complete response
        Stream,  ///< a streamed response
        Silent,  ///< read the request and never answer
        Close,   ///< close the connection without a response
    };
    Kind kind = Kind::Respond;
    HttpResponse response;
    StreamPlan stream;

    int status() const;
};

/// An outcome that sends one complete response.
Outcome respond(const HttpResponse& response);

} // namespace genius::sim
