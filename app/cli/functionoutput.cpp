#include "app/cli/functionoutput.h"

#include "app/cli/output.h"
#include "core/domain/protectionclass.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace genius::cli {

using services::LocalReason;

namespace {

/// The translation context of this file's sentences.
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(FunctionOutput)
};

QJsonValue tokens(const std::optional<qint64>& value)
{
    return value ? QJsonValue(static_cast<double>(*value)) : QJsonValue();
}

QString pageText(const services::AnswerSource& source)
{
    if (source.page <= 0)
        return QString();
    if (source.lastPage > source.page)
        return Text::tr(", pages %1–%2").arg(source.page).arg(source.lastPage);
    return Text::tr(", page %1").arg(source.page);
}

} // namespace

QString localReasonText(LocalReason reason)
{
    switch (reason) {
    case LocalReason::VeryHigh:
        return Text::tr("Answered locally: content of class very-high never leaves this workstation; nothing was sent.");
    case LocalReason::NoGateway:
        return Text::tr("Answered locally: no gateway is configured; nothing was sent.");
    case LocalReason::Unreachable:
        return Text::tr("Answered locally: the gateway cannot be reached; nothing was sent.");
    case LocalReason::NoClearedModel:
        return Text::tr("Answered locally: no model of the gateway is cleared for this protection class; nothing was sent.");
    case LocalReason::None:
        break;
    }
    return QString();
}

QJsonObject functionAnswerJson(const services::FunctionAnswer& answer, const QString& textField)
{
    QJsonArray sources;
    for (const services::AnswerSource& source : answer.sources) {
        sources.append(QJsonObject{
            {QStringLiteral("document"), source.documentId > 0 ? QJsonValue(static_cast<double>(source.documentId)) : QJsonValue()},
            {QStringLiteral("name"), source.name},
            {QStringLiteral("page"), source.page > 0 ? QJsonValue(source.page) : QJsonValue()},
            {QStringLiteral("last_page"), source.lastPage > 0 ? QJsonValue(source.lastPage) : QJsonValue()},
            {QStringLiteral("text"), source.text},
            {QStringLiteral("class"), domain::protectionClassName(source.protectionClass)},
        });
    }
    QJsonArray points;
    for (const services::AnswerPoint& point : answer.points) {
        QJsonArray cited;
        for (int n : point.sources)
            cited.append(n);
        points.append(QJsonObject{{QStringLiteral("text"), point.text}, {QStringLiteral("sources"), cited}});
    }
    QJsonArray removed;
    for (int n : answer.removedCitations)
        removed.append(n);
    return QJsonObject{
        {textField, answer.text},
        {QStringLiteral("sources"), sources},
        {QStringLiteral("model"), answer.model.isEmpty() ? QJsonValue() : QJsonValue(answer.model)},
        {QStringLiteral("local"), answer.local},
        {QStringLiteral("local_reason"), answer.local ? QJsonValue(services::localReasonName(answer.localReason)) : QJsonValue()},
        {QStringLiteral("evidence"), answer.evidence},
        {QStringLiteral("class"), domain::protectionClassName(answer.requestClass)},
        {QStringLiteral("capped_at"), answer.cappedAt == domain::ProtectionClass::VeryHigh
                                          ? QJsonValue()
                                          : QJsonValue(domain::protectionClassName(answer.cappedAt))},
        {QStringLiteral("points"), points},
        {QStringLiteral("removed_citations"), removed},
        {QStringLiteral("requests"), answer.requests},
        {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), tokens(answer.usage.promptTokens)},
                                              {QStringLiteral("completion_tokens"), tokens(answer.usage.completionTokens)},
                                              {QStringLiteral("total_tokens"), tokens(answer.usage.totalTokens)}}},
    };
}

void printFunctionAnswer(const Output& output, const services::FunctionAnswer& answer, const QString& noEvidence,
                         const QString& textField)
{
    services::FunctionAnswer shown = answer;
    if (!answer.evidence && answer.text.isEmpty())
        shown.text = noEvidence;
    if (output.json()) {
        output.jsonValue(functionAnswerJson(shown, textField));
        return;
    }
    if (answer.local)
        output.error(localReasonText(answer.localReason));
    if (answer.cappedAt != domain::ProtectionClass::VeryHigh)
        output.error(Text::tr("Documents above class %1 were left out: no model cleared for them is available.")
                         .arg(domain::protectionClassName(answer.cappedAt)));
    if (!answer.removedCitations.isEmpty())
        output.error(Text::tr("%n citation(s) pointing at no source were removed.", nullptr,
                        static_cast<int>(answer.removedCitations.size())));
    output.line(shown.text);
    // A local answer lists its passages itself.
    if (shown.sources.isEmpty() || answer.local)
        return;
    output.line(QString());
    output.line(Text::tr("Sources:"));
    for (qsizetype i = 0; i < shown.sources.size(); ++i) {
        const services::AnswerSource& source = shown.sources.at(i);
        QString excerpt = source.text.simplified();
        if (excerpt.size() > 160)
            excerpt = excerpt.left(157) + QStringLiteral("…");
        output.line(QStringLiteral("[%1] %2%3: %4").arg(i + 1).arg(source.name, pageText(source), excerpt));
    }
}

ExitCode printFunctionResult(const Output& output, const services::FunctionResult& result, const QString& noEvidence,
                             const QString& textField)
{
    if (!result)
        return reportFunctionFailure(output, result.error());
    printFunctionAnswer(output, *result, noEvidence, textField);
    return ExitCode::Success;
}

ExitCode reportFunctionFailure(const Output& output, const services::FunctionFailure& failure)
{
    if (const auto* local = std::get_if<common::Error>(&failure.error)) {
        if (local->code != common::ErrorCode::Cancelled)
            output.error(local->detail);
        return exitCodeFor(*local);
    }
    const auto& remote = std::get<gateway::GatewayError>(failure.error);
    if (!failure.partialText.isEmpty() && !output.json())
        output.line(failure.partialText);
    if (remote.kind != gateway::GatewayErrorKind::Cancelled)
        output.error(remote.message);
    return exitCodeFor(remote);
}

} // namespace genius::cli
