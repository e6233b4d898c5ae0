#pragma once

#include "core/common/error.h"
#include "core/documents/pagetext.h"
#include "core/services/functionresult.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QRectF>
#include <QSizeF>
#include <QString>

namespace genius::index {
class IndexDatabase;
struct DocumentRecord;
}

namespace genius::services {

/// Whether the file a document was imported from can still be shown as it was imported.
enum class OriginalState {
    Available, ///< at its path with the imported content
    Missing,   ///< no longer at its path (moved, deleted, unreadable)
    Changed,   ///< at its path but with other content than was imported
};

/// One stored page of a cited document, with where the cited passage stands on it.
struct SourcePage {
    int number = 0;          ///< 1-based; 0 for formats without pages
    QString text;            ///< the text stored at import
    QSizeF size;             ///< in PDF points; empty without a layout
    qsizetype passageStart = -1; ///< the passage inside `text`; -1 when it is not on this page
    qsizetype passageLength = 0;
    QList<QRectF> highlight; ///< the passage in PDF points, one rectangle per line (from the word boxes)
};

/// Everything a viewer needs to show a cited passage in its document.
struct SourcePassage {
    qint64 documentId = 0;
    QString name;
    QString format;        ///< "pdf", "docx", "md", ...
    QString originalPath;  ///< where the document was imported from
    OriginalState original = OriginalState::Missing;
    int page = 0;          ///< the cited page (1-based; 0 without pages)
    QList<SourcePage> pages;
    bool found = false;    ///< false when the passage could not be placed in the stored text
    bool focused = false;  ///< the marks show the sentence the citing statement rests on, not the whole source

    /// The original can be shown page by page with the passage highlighted.
    bool showsPdf() const { return format == QLatin1String("pdf") && original == OriginalState::Available; }
    /// The page the passage stands on (the first page when it was not found).
    const SourcePage* citedPage() const;
};

/// Finds where a cited passage stands: which document, which page, which characters and which
/// rectangles on the page — from the text and word boxes stored at import. Only reads the local
/// index and the original file; nothing leaves the machine.
class SourceService final
{
public:
    explicit SourceService(const index::IndexDatabase& database);

    /// `statement`, when given, is what the answer said with this citation: a source longer
    /// than a sentence is then narrowed to the sentence that shares most words with it (whole
    /// pages are sources when a document fits the model's window).
    common::Result<SourcePassage> locate(const AnswerSource& source, const QString& statement = {}) const;

private:
    /// The original's file as last verified: while its size and modification time stay, its
    /// content is taken as checked (a citation click re-hashes a 500 MB PDF otherwise).
    struct VerifiedFile {
        qint64 size = 0;
        QDateTime modified;
        QString sha256;
    };

    OriginalState originalState(const index::DocumentRecord& record) const;

    const index::IndexDatabase& m_database;
    mutable QMutex m_verifiedMutex;
    mutable QHash<QString, VerifiedFile> m_verified; // by path
};

/// The characters of `page` that hold `passage`: words compared case-folded, so changed
/// spacing, line breaks and hyphenation do not matter; up to two words on either side may
/// differ (OCR). {-1, 0} when less than three fifths of the passage's words are found in a row.
struct TextSpan {
    qsizetype start = -1;
    qsizetype length = 0;
};
TextSpan findPassage(const QString& page, const QString& passage);

/// The sentence of `source` that shares the most content words with `statement` (at least two
/// and a third of the statement's); empty when none is that close.
QString focusSentence(const QString& source, const QString& statement);

/// The boxes of the words inside `span`, joined into one rectangle per line.
QList<QRectF> passageRectangles(const QList<documents::WordBox>& words, TextSpan span);

} // namespace genius::services
