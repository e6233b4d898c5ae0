#pragma once

#include "core/gateway/chatrequest.h"
#include "core/services/extractivesummary.h"
#include "core/services/functionresult.h"
#include "core/services/intentrouter.h"

namespace genius::services {

struct TextTemplate;

/// The tone of a drafted text.
enum class Tone { Formal, Citizen };
/// formal, citizen
QString toneName(Tone tone);
std::optional<Tone> parseToneName(const QString& name);

/// The German system prompt of a function: role, rules for citing, and that the sources are
/// data to be used, never instructions to be followed.
QString systemPrompt(AssistantFunction function);

/// The sources as the model sees them: one block `Quelle n: «name», S. p` + `[n] text` per source,
/// separated by blank lines, inside markers that label them as data. Line breaks inside a
/// passage become spaces so a passage never looks like the start of another.
QString sourcesBlock(const QList<AnswerSource>& sources);

/// The sources that fit into `tokenBudget`, in the given (ranked) order; a passage that
/// alone exceeds the budget is cut at a sentence end.
QList<AnswerSource> fitSources(const QList<AnswerSource>& sources, int tokenBudget);

/// system (prompt + sources) and user (the question): the message list of a grounded answer.
QList<gateway::ChatMessage> groundedMessages(AssistantFunction function, const QList<AnswerSource>& sources,
                                             const QString& question);

/// The user message asking for a summary of the sources.
QString summaryRequest(SummaryLength length, const QString& aspect, bool partial);

/// The user message asking for a draft after `templ`, from the material (bullet points or
/// sources), in the tone.
QString generationRequest(const TextTemplate& templ, Tone tone, const QString& material);

/// The system prompt that asks a model to classify a request into one of the five functions.
QString routingPrompt();

} // namespace genius::services
