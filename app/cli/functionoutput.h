#pragma once

#include "app/cli/exitcode.h"
#include "core/services/functionresult.h"

#include <QJsonObject>

namespace genius::cli {

class Output;

/// The --json object of ask, research, summarize and generate: `answer` (the text), `sources`
/// [{document, name, page, text}], `model`, `local` as DESIGN.md fixes them, plus `points`
/// [{text, sources}], `class`, `evidence`, `local_reason`, `capped_at`, `removed_citations`,
/// `requests` and `usage`.
QJsonObject functionAnswerJson(const services::FunctionAnswer& answer, const QString& textField = QStringLiteral("answer"));

/// Prints an answer: with --json the object above; else the text, then the sources one per
/// line, and on standard error why it was answered locally or without evidence.
/// `noEvidence` is the sentence printed when the sources held nothing on the question.
void printFunctionAnswer(const Output& output, const services::FunctionAnswer& answer, const QString& noEvidence,
                         const QString& textField = QStringLiteral("answer"));

/// Prints a result (answer or failure) and returns the exit code.
ExitCode printFunctionResult(const Output& output, const services::FunctionResult& result, const QString& noEvidence,
                             const QString& textField = QStringLiteral("answer"));

/// Prints a failure (one sentence on standard error, and the partial text if any) and
/// returns its exit code.
ExitCode reportFunctionFailure(const Output& output, const services::FunctionFailure& failure);

/// One translated sentence saying why nothing was sent.
QString localReasonText(services::LocalReason reason);

} // namespace genius::cli
