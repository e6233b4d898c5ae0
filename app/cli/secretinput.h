#pragma once

#include <QString>

namespace genius::cli {

/// Reads one secret from standard input: the first line, without its line break. On a
/// terminal it prompts on stderr and switches echo off while reading.
QString readSecretFromStandardInput(const QString& prompt);

} // namespace genius::cli
