#pragma once

#include "core/documents/singlepagereader.h"

#include <memory>

namespace genius::documents {

class SafeZip;

/// DOCX and ODT: the whole text is read when the file is opened (so a damaged archive or
/// a zip bomb fails at open) and served as the one page of a document without pages.
class OfficeReader final : public SinglePageReader
{
public:
    enum class Kind { Docx, Odt };

    /// Reads the body and metadata of an opened archive. Errors: Corrupt (damaged XML,
    /// missing body, zip bomb).
    static common::Result<std::unique_ptr<DocumentReader>> open(SafeZip& zip, Kind kind);

    QString format() const override;

private:
    OfficeReader(Kind kind, QString text, DocumentMetadata metadata);

    Kind m_kind;
};

} // namespace genius::documents
