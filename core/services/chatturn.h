#pragma once

#include "core/common/error.h"
#include "core/gateway/protocol/chatstreamdecoder.h"
#include "core/gateway/protocol/gatewayerror.h"

#include <QObject>
#include <QPointer>

namespace genius::security {
class AuditLog;
}

namespace genius::gateway {
class ChatStream;
}

namespace genius::services {

/// One question and its answer as the functions see it: refused locally, or sent (audited
/// before the first byte leaves) and then streamed. Emits `delta` pieces, then exactly one
/// of `refused`, `finished` or `failed`.
class ChatTurn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatTurn)

public:
    explicit ChatTurn(QObject* parent = nullptr);

    void cancel();
    QString model() const { return m_model; }
    QString text() const { return m_text; }

    // Used by ChatService.
    void refuse(const common::Error& error);
    void attach(gateway::ChatStream* stream, security::AuditLog* audit, qint64 auditSequence, const QString& model);

Q_SIGNALS:
    void delta(const QString& text);
    void refused(const genius::common::Error& error);
    void finished(const genius::gateway::Usage& usage, genius::gateway::FinishReason reason);
    void failed(const genius::gateway::GatewayError& error, const QString& partialText);

private:
    void record(const QString& outcome, const gateway::Usage& usage);

    QPointer<gateway::ChatStream> m_stream;
    security::AuditLog* m_audit = nullptr;
    qint64 m_auditSequence = 0;
    QString m_model;
    QString m_text;
    bool m_cancelRequested = false;
};

} // namespace genius::services
