#include "core/services/chatturn.h"

#include "core/gateway/chatstream.h"
#include "core/security/auditlog.h"

#include <QTimer>

namespace genius::services {

ChatTurn::ChatTurn(QObject* parent)
    : QObject(parent)
{
}

void ChatTurn::refuse(const common::Error& error)
{
    // Asynchronous like every other outcome, so callers connect first.
    QTimer::singleShot(0, this, [this, error] { Q_EMIT refused(error); });
}

void ChatTurn::attach(gateway::ChatStream* stream, security::AuditLog* audit, qint64 auditSequence, const QString& model)
{
    m_stream = stream;
    m_audit = audit;
    m_auditSequence = auditSequence;
    m_model = model;
    connect(stream, &gateway::ChatStream::delta, this, [this](const QString& piece) {
        m_text += piece;
        Q_EMIT delta(piece);
    });
    connect(stream, &gateway::ChatStream::finished, this,
            [this](const gateway::Usage& usage, gateway::FinishReason reason) {
                record(QStringLiteral("completed"), usage);
                Q_EMIT finished(usage, reason);
            });
    connect(stream, &gateway::ChatStream::failed, this,
            [this](const gateway::GatewayError& error, const QString& partial) {
                const QString outcome = error.kind == gateway::GatewayErrorKind::Cancelled
                    ? QStringLiteral("cancelled")
                    : QStringLiteral("failed:") + gateway::errorKindName(error.kind);
                record(outcome, m_stream ? m_stream->decoder().usage() : gateway::Usage{});
                Q_EMIT failed(error, partial);
            });
    if (m_cancelRequested)
        stream->cancel();
}

void ChatTurn::cancel()
{
    m_cancelRequested = true;
    if (m_stream)
        m_stream->cancel();
}

void ChatTurn::record(const QString& outcome, const gateway::Usage& usage)
{
    if (!m_audit)
        return;
    security::AuditCompletion completion;
    completion.sequence = m_auditSequence;
    completion.outcome = outcome;
    completion.promptTokens = usage.promptTokens;
    completion.completionTokens = usage.completionTokens;
    completion.gatewayRequestId = m_stream ? m_stream->gatewayRequestId() : QString();
    m_audit->complete(completion);
}

} // namespace genius::services
