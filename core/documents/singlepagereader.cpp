#include "core/documents/singlepagereader.h"

namespace genius::documents {

SinglePageReader::SinglePageReader(QString text, DocumentMetadata metadata)
    : m_text(std::move(text))
    , m_metadata(std::move(metadata))
{
}

bool SinglePageReader::isPaged() const
{
    return false;
}

int SinglePageReader::pageCount() const
{
    return 1;
}

DocumentMetadata SinglePageReader::metadata() const
{
    return m_metadata;
}

common::Result<PageText> SinglePageReader::readPage(int number, const common::CancellationToken& cancel)
{
    if (number != 1)
        return common::fail(
            common::ErrorCode::InvalidArgument, QStringLiteral("Page %1 does not exist in the document.").arg(number));
    if (cancel.isCancelled())
        return common::fail(common::ErrorCode::Cancelled, QStringLiteral("Reading the document was cancelled."));
    PageText page;
    page.number = 1;
    page.text = m_text;
    return page;
}

} // namespace genius::documents
