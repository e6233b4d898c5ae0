#include "core/services/sourceservice.h"

#include "core/documents/documentreader.h"
#include "core/import/importtasks.h"
#include "core/index/indexdatabase.h"
#include "core/services/germansentences.h"

#include <QFileInfo>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>
#include <utility>

namespace genius::services {

namespace {

struct Word {
    qsizetype start = 0;
    qsizetype end = 0;
    QString key;
};

QList<Word> wordsOf(const QString& text)
{
    QList<Word> words;
    qsizetype i = 0;
    while (i < text.size()) {
        if (!text.at(i).isLetterOrNumber()) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && text.at(i).isLetterOrNumber())
            ++i;
        words.append({start, i, text.mid(start, i - start).toCaseFolded()});
    }
    return words;
}

struct Alignment {
    qsizetype first = 0; ///< page word where the passage starts
    qsizetype last = 0;  ///< page word where it ends
    qsizetype matched = 0;
};

// Walks page and passage together from a pair of equal words; a word or two that differ on
// either side (OCR, a footnote mark) are stepped over, anything more ends the passage.
Alignment align(const QList<Word>& page, const QList<Word>& passage, qsizetype pageAt, qsizetype passageAt)
{
    static constexpr std::array<std::pair<int, int>, 6> kSkips{{{1, 0}, {0, 1}, {1, 1}, {2, 0}, {0, 2}, {2, 2}}};
    Alignment result{pageAt, pageAt, 0};
    qsizetype p = pageAt;
    qsizetype q = passageAt;
    while (p < page.size() && q < passage.size()) {
        if (page.at(p).key == passage.at(q).key) {
            result.last = p;
            ++result.matched;
            ++p;
            ++q;
            continue;
        }
        bool stepped = false;
        for (const auto& [a, b] : kSkips) {
            if (p + a < page.size() && q + b < passage.size() && page.at(p + a).key == passage.at(q + b).key) {
                p += a;
                q += b;
                stepped = true;
                break;
            }
        }
        if (!stepped)
            break;
    }
    return result;
}

constexpr qsizetype kContentWordLength = 4; // shorter words are mostly articles and particles
constexpr qsizetype kStemLength = 6;         // "Widerspruchsfrist" meets "Widerspruchsfristen"

QSet<QString> contentStems(const QString& text)
{
    QSet<QString> stems;
    for (const Word& word : wordsOf(text)) {
        if (word.key.size() >= kContentWordLength)
            stems.insert(word.key.left(kStemLength));
    }
    return stems;
}

} // namespace

const SourcePage* SourcePassage::citedPage() const
{
    for (const SourcePage& candidate : pages) {
        if (candidate.passageStart >= 0)
            return &candidate;
    }
    for (const SourcePage& candidate : pages) {
        if (candidate.number == page)
            return &candidate;
    }
    return pages.isEmpty() ? nullptr : &pages.first();
}

QString focusSentence(const QString& source, const QString& statement)
{
    static const QRegularExpression citation(QStringLiteral(R"(\[[\d,;\s-]+\])"));
    const QSet<QString> wanted = contentStems(QString(statement).remove(citation));
    if (wanted.size() < 2)
        return {};
    const QList<TextSentence> sentences = splitSentences(cleanForSentences(source), 3, 200);
    if (sentences.size() < 2)
        return {};
    qsizetype bestShared = 0;
    QString best;
    for (const TextSentence& sentence : sentences) {
        const qsizetype shared = contentStems(sentence.text).intersect(wanted).size();
        if (shared > bestShared) {
            bestShared = shared;
            best = sentence.text;
        }
    }
    return bestShared >= 2 && bestShared * 3 >= wanted.size() ? best : QString();
}

TextSpan findPassage(const QString& page, const QString& passage)
{
    const QList<Word> pageWords = wordsOf(page);
    const QList<Word> passageWords = wordsOf(passage);
    if (pageWords.isEmpty() || passageWords.isEmpty())
        return {};
    // The passage may begin with a word the page lost (a heading, a cut word): try a few
    // starting words of the passage and keep the longest walk.
    Alignment best;
    const qsizetype anchors = std::min<qsizetype>(passageWords.size(), 8);
    for (qsizetype anchor = 0; anchor < anchors && best.matched < passageWords.size() - anchor; ++anchor) {
        for (qsizetype at = 0; at < pageWords.size(); ++at) {
            if (pageWords.at(at).key != passageWords.at(anchor).key)
                continue;
            const Alignment candidate = align(pageWords, passageWords, at, anchor);
            if (candidate.matched > best.matched)
                best = candidate;
        }
    }
    // Most of the passage must be there: a few common words in a row are no passage.
    const qsizetype needed = std::min<qsizetype>(passageWords.size(), std::max<qsizetype>(3, (passageWords.size() * 3 + 4) / 5));
    if (best.matched < needed)
        return {};
    const qsizetype start = pageWords.at(best.first).start;
    return {start, pageWords.at(best.last).end - start};
}

QList<QRectF> passageRectangles(const QList<documents::WordBox>& words, TextSpan span)
{
    QList<QRectF> lines;
    if (span.start < 0)
        return lines;
    const qsizetype end = span.start + span.length;
    for (const documents::WordBox& word : words) {
        if (word.offset + word.length <= span.start || word.offset >= end || word.box.isEmpty())
            continue;
        // Same line: the word's middle lies within the line's height and it does not start
        // left of the line (a new line begins at the left margin again).
        if (!lines.isEmpty()) {
            QRectF& line = lines.last();
            const qreal middle = word.box.center().y();
            if (middle >= line.top() && middle <= line.bottom() && word.box.left() >= line.left()) {
                line = line.united(word.box);
                continue;
            }
        }
        lines.append(word.box);
    }
    return lines;
}

SourceService::SourceService(const index::IndexDatabase& database)
    : m_database(database)
{
}

OriginalState SourceService::originalState(const index::DocumentRecord& record) const
{
    const QFileInfo file(record.sourcePath);
    if (!file.isFile())
        return OriginalState::Missing;
    if (file.size() != record.size && record.size > 0)
        return OriginalState::Changed; // no need to read it
    const QDateTime modified = file.lastModified();
    QString sha256;
    {
        QMutexLocker lock(&m_verifiedMutex);
        const auto known = m_verified.constFind(record.sourcePath);
        if (known != m_verified.cend() && known->size == file.size() && known->modified == modified)
            sha256 = known->sha256;
    }
    if (sha256.isEmpty()) {
        const auto digest = import::fileDigest(record.sourcePath, documents::ReaderLimits{});
        if (!digest)
            return OriginalState::Missing;
        sha256 = digest->sha256;
        QMutexLocker lock(&m_verifiedMutex);
        m_verified.insert(record.sourcePath, VerifiedFile{file.size(), modified, sha256});
    }
    return sha256 == record.sha256 ? OriginalState::Available : OriginalState::Changed;
}

common::Result<SourcePassage> SourceService::locate(const AnswerSource& source, const QString& statement) const
{
    if (source.documentId <= 0)
        return std::unexpected(common::Error{common::ErrorCode::InvalidArgument,
                                             QStringLiteral("The source is pasted text, not an imported document.")});
    const auto record = m_database.document(source.documentId);
    if (!record)
        return std::unexpected(record.error());
    auto stored = m_database.pages(source.documentId, true);
    if (!stored)
        return std::unexpected(stored.error());

    SourcePassage passage;
    passage.documentId = record->id;
    passage.name = record->name;
    passage.format = record->format;
    passage.originalPath = record->sourcePath;
    passage.original = originalState(*record);
    passage.page = record->paged ? source.page : 0;

    const int first = source.page > 0 ? source.page : 1;
    const int last = std::max(first, source.lastPage);
    const QString focus = focusSentence(source.text, statement);
    const auto place = [&](const QString& text, bool citedPagesOnly) {
        for (qsizetype i = 0; i < stored->size() && !passage.found; ++i) {
            const documents::PageText& page = stored->at(i);
            if (citedPagesOnly && record->paged && source.page > 0 && (page.number < first || page.number > last))
                continue;
            const TextSpan span = findPassage(page.text, text);
            if (span.start < 0)
                continue;
            SourcePage& shown = passage.pages[i];
            shown.passageStart = span.start;
            shown.passageLength = span.length;
            shown.highlight = passageRectangles(page.words, span);
            passage.found = true;
            if (record->paged)
                passage.page = page.number;
        }
    };
    for (const documents::PageText& page : std::as_const(*stored))
        passage.pages.append({record->paged ? page.number : 0, page.text, page.size, -1, 0, {}});
    if (!focus.isEmpty()) {
        place(focus, true);
        passage.focused = passage.found;
    }
    if (!passage.found)
        place(source.text, true);
    if (!passage.found) // the stored page numbers may differ from the cited one
        place(source.text, false);
    return passage;
}

} // namespace genius::services
