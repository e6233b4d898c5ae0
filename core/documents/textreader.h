#pragma once

#include "core/documents/singlepagereader.h"

#include <QByteArray>

#include <memory>

namespace genius::documents {

/// Plain text, Markdown and HTML: one page without layout.
class TextReader final : public SinglePageReader
{
public:
    enum class Kind { Plain, Markdown, Html };

    /// Decodes `data` (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 when the
    /// bytes are not valid UTF-8; HTML may name its charset). Markdown loses its YAML front
    /// matter (its "title" becomes metadata) and keeps its '#' headings; HTML becomes text
    /// with h1-h6 as "# " headings and list items as "- ". Plain text is de-hyphenated.
    static std::unique_ptr<DocumentReader> open(const QByteArray& data, Kind kind);

    QString format() const override;

private:
    TextReader(Kind kind, QString text, DocumentMetadata metadata);

    Kind m_kind;
};

/// Decodes text bytes: a BOM decides (UTF-8, UTF-16); otherwise UTF-8 when the bytes are
/// valid UTF-8, else `fallbackCharset` when given and known, else Windows-1252. Pure.
QString decodeText(const QByteArray& data, const QByteArray& fallbackCharset = {});

} // namespace genius::documents
