#pragma once

#include "core/services/functionresult.h"
#include "core/services/prompts.h"

#include <QObject>

#include <functional>

namespace genius::index {
class IndexDatabase;
}

namespace genius::services {

class FunctionRunner;
class TemplateLibrary;

/// A draft to write.
struct GenerationRequest {
    QString templateName;
    Tone tone = Tone::Formal;
    QString material;      ///< bullet points or pasted text
    qint64 documentId = 0; ///< optional: an imported document the draft draws on
    domain::ProtectionClass materialClass = domain::ProtectionClass::Normal;
};

/// Textgenerierung: drafts a text after a template from bullet points and/or a document.
/// A draft needs a model: content no model may read (very-high, no cleared model) is
/// refused, and nothing is sent.
class GenerationService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GenerationService)

public:
    GenerationService(index::IndexDatabase* database, const TemplateLibrary& templates, FunctionRunner& runner,
                      QObject* parent = nullptr);

    using Done = std::function<void(FunctionResult)>;
    using Delta = std::function<void(const QString&)>;
    /// `delta` receives the draft as it streams (may be empty).
    void generate(const GenerationRequest& request, QObject* context, Delta delta, Done done);

private:
    index::IndexDatabase* m_database;
    const TemplateLibrary& m_templates;
    FunctionRunner& m_runner;
};

} // namespace genius::services
