#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

namespace genius::cli {

/// `documents [--collection NAME | --unassigned]`: the imported documents with their status.
class DocumentsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(DocumentsCommand)

public:
    QString name() const override { return QStringLiteral("documents"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;
};

/// `text --document ID [--page N]`: the extracted text, pages separated by form feeds.
class TextCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(TextCommand)

public:
    QString name() const override { return QStringLiteral("text"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;
};

} // namespace genius::cli
