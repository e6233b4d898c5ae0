#include "legalcorpus.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>

namespace genius::bench {

using namespace Qt::StringLiterals;

namespace {

// The laws the questions are about, and distractors with similar wording (SGB X mirrors VwVfG).
const char* const kLaws[] = {
    "vwvfg.md",   "vwgo.md",       "bdsg_2018.md", "ifg.md",     "uig_2005.md",  "egovg.md",     "ozg.md",
    "bmg.md",     "pauswg.md",     "owig_1968.md", "vwzg_2005.md", "arbzg.md",    "bbg_2009.md",  "brkg_2005.md",
    "gg.md",      "agg.md",        "muschg_2018.md", "jarbschg.md", "gastg.md",   "baunvo.md",    "fstrg.md",
    "bho.md",     "wogg.md",       "bafoeg.md",    "sgb_10.md",  "vwvg.md",      "bgebg.md",     "beamtstg.md",
    "ladschlg.md", "barchg_2017.md",
};

} // namespace

QStringList lawFiles(const QDir& dir, bool allLaws)
{
    QStringList files;
    for (const char* file : kLaws)
        files.append(QString::fromUtf8(file));
    if (allLaws) {
        for (const QString& file : dir.entryList({u"*.md"_s}, QDir::Files, QDir::Name))
            if (!files.contains(file))
                files.append(file);
    }
    return files;
}

Law readLaw(const QString& path, const QString& file)
{
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(input.readAll());
    QString title = file;
    static const QRegularExpression frontMatter(u"\\A---\\n(.*?)\\n---\\n"_s, QRegularExpression::DotMatchesEverythingOption);
    if (const auto match = frontMatter.match(text); match.hasMatch()) {
        static const QRegularExpression titleLine(u"^Title: *(.*)$"_s, QRegularExpression::MultilineOption);
        if (const auto t = titleLine.match(match.captured(1)); t.hasMatch())
            title = t.captured(1).trimmed();
        text = text.mid(match.capturedLength());
    }
    return Law{file, title, text};
}

Loaded<QHash<QString, Law>> readLaws(const QDir& dir, const QStringList& files)
{
    QHash<QString, Law> laws;
    for (const QString& file : files) {
        const Law law = readLaw(dir.filePath(file), file);
        if (law.text.isEmpty())
            return std::unexpected(u"cannot read %1"_s.arg(dir.filePath(file)));
        laws.insert(law.file, law);
    }
    return laws;
}

std::pair<int, int> unitSpan(const QString& text, const QString& unit)
{
    const QString number = unit.section(u' ', 1);
    const QString pattern = unit.startsWith(u"Art"_s) ? u"^#+ Art\\.? %1\\b"_s : u"^#+ § %1\\b"_s;
    const QRegularExpression heading(pattern.arg(QRegularExpression::escape(number)), QRegularExpression::MultilineOption);
    const auto match = heading.match(text);
    if (!match.hasMatch())
        return {-1, -1};
    static const QRegularExpression nextHeading(u"^#"_s, QRegularExpression::MultilineOption);
    const auto next = nextHeading.match(text, match.capturedEnd());
    return {static_cast<int>(match.capturedStart()), next.hasMatch() ? static_cast<int>(next.capturedStart()) : static_cast<int>(text.size())};
}

Loaded<QStringList> readQuestionLines(const QString& path)
{
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly))
        return std::unexpected(u"cannot read %1"_s.arg(path));
    QStringList lines;
    while (!input.atEnd()) {
        const QString line = QString::fromUtf8(input.readLine()).trimmed();
        if (!line.isEmpty() && !line.startsWith(u'#'))
            lines.append(line);
    }
    return lines;
}

Loaded<QList<LegalQuestion>> readLegalQuestions(const QString& path, const QHash<QString, Law>& laws)
{
    const auto lines = readQuestionLines(path);
    if (!lines)
        return std::unexpected(lines.error());
    QList<LegalQuestion> questions;
    for (const QString& line : *lines) {
        const QStringList fields = line.split(u'\t');
        if (fields.size() != 3 || !laws.contains(fields[1]))
            return std::unexpected(u"bad question line: %1"_s.arg(line));
        const auto [start, end] = unitSpan(laws[fields[1]].text, fields[2]);
        if (start < 0)
            return std::unexpected(u"%1 has no %2"_s.arg(fields[1], fields[2]));
        questions.append(LegalQuestion{fields[0], fields[1], start, end});
    }
    return questions;
}

bool answers(const Place& place, const LegalQuestion& question)
{
    if (place.file != question.file)
        return false;
    const int overlap = std::min(place.end, question.end) - std::max(place.start, question.start);
    return overlap >= std::min(100, question.end - question.start);
}

QList<chunking::Chunk> structuredChunks(const Law& law)
{
    chunking::ChunkSource source;
    source.title = law.title;
    source.pages = {law.text};
    source.paged = false;
    source.markdown = true;
    return chunking::chunkDocument(source);
}

ChunkedIndex::ChunkedIndex(bool plainTable)
    : m_plain(plainTable)
{
    if (!m_index.error().isEmpty()) {
        m_error = m_index.error();
        return;
    }
    QSqlQuery create(m_index.db());
    if (m_plain && !create.exec(u"CREATE VIRTUAL TABLE plain USING fts5(body)"_s))
        m_error = u"cannot create the plain FTS5 table: %1"_s.arg(create.lastError().text());
}

QString ChunkedIndex::error() const
{
    return m_error;
}

QString ChunkedIndex::addLaws(const QStringList& files, const QHash<QString, Law>& laws,
                              const std::function<QList<chunking::Chunk>(const Law&)>& chunker)
{
    if (!m_error.isEmpty())
        return m_error;
    QSqlDatabase db = m_index.db();
    db.transaction(); // one transaction: thousands of single-row commits would dominate the time
    for (const QString& file : files) {
        const auto law = laws.constFind(file);
        if (law == laws.cend() || !add(*law, chunker(*law))) {
            db.rollback();
            return u"cannot index %1"_s.arg(file);
        }
    }
    if (!db.commit())
        return u"cannot commit the index: %1"_s.arg(db.lastError().text());
    return {};
}

QList<qint64> ChunkedIndex::documentsExcept(const QString& file) const
{
    QList<qint64> documents;
    for (auto it = m_documents.cbegin(); it != m_documents.cend(); ++it)
        if (it.key() != file)
            documents.append(it.value());
    std::sort(documents.begin(), documents.end());
    return documents;
}

bool ChunkedIndex::add(const Law& law, const QList<chunking::Chunk>& pieces)
{
    const qint64 document = m_index.addDocument(law.file);
    m_documents.insert(law.file, document);
    QSqlQuery plain(m_index.db());
    if (m_plain)
        plain.prepare(u"INSERT INTO plain(rowid, body) VALUES (?, ?)"_s);
    for (const chunking::Chunk& piece : pieces) {
        const QString heading = piece.headingPath.join(u" › "_s);
        const qint64 id = m_index.addChunk(document, piece.ordinal, heading, piece.text);
        bool stored = id != 0;
        if (stored && m_plain) {
            plain.addBindValue(id);
            plain.addBindValue(heading.isEmpty() ? piece.text : heading + u'\n' + piece.text);
            stored = plain.exec();
        }
        if (!stored) {
            std::fprintf(stderr, "%s chunk %d: %s\n", qPrintable(law.file), piece.ordinal,
                         qPrintable(id == 0 ? u"chunk row refused"_s : plain.lastError().text()));
            return false;
        }
        m_places.insert(id, Place{law.file, piece.start, piece.end});
        ++m_chunks;
    }
    return true;
}

} // namespace genius::bench
