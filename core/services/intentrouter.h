#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace genius::services {

/// The five functions the main agent can choose between.
enum class AssistantFunction { Chat, Ask, Research, Summarize, Generate };

/// Stable names for the CLI and --json: chat, ask, research, summarize, generate.
QString functionName(AssistantFunction function);
std::optional<AssistantFunction> parseFunctionName(const QString& name);

/// What the main agent knows besides the request text.
struct RouteContext {
    QString request;               ///< the user's free text (German or English)
    bool documentAttached = false; ///< a document is attached / named (--document)
    QStringList collections;       ///< names of the collections the user may research
    QStringList templates;         ///< names of the available text templates
};

/// The main agent's choice.
struct RouteDecision {
    AssistantFunction function = AssistantFunction::Chat;
    QString reason;       ///< one translated sentence saying why (names the cue it recognised)
    double confidence = 0.0; ///< 0..1; below 0.5 a model may refine the choice
    QString collection;   ///< research: the collection the request names, if any
    QString templateName; ///< generate: the template the request names, if any
    QString aspect;       ///< summarize: the aspect ("im Hinblick auf …"), if any
};

/// Recognises the function locally, without any model: German and English cues (verbs,
/// nouns, phrasings), the attached document and the named collections and templates.
RouteDecision routeLocally(const RouteContext& context);

} // namespace genius::services
