#pragma once

#include "core/documents/documentreader.h"

namespace genius::documents {

/// A format without pages (DOCX, ODT, text): the whole text is read when the file is opened,
/// so damage shows at open, and served as the one page numbered 1.
class SinglePageReader : public DocumentReader
{
public:
    bool isPaged() const final;
    int pageCount() const final;
    DocumentMetadata metadata() const final;
    common::Result<PageText> readPage(int number, const common::CancellationToken& cancel) final;

protected:
    SinglePageReader(QString text, DocumentMetadata metadata);

private:
    QString m_text;
    DocumentMetadata m_metadata;
};

} // namespace genius::documents
