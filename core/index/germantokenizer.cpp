#include "core/index/germantokenizer.h"
#include "core/index/indexlogging.h"

#include <QChar>
#include <QLoggingCategory>
#include <QString>

#include <libstemmer.h>
#include <sqlite3.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace genius::index {

namespace {


constexpr char kTokenizerName[] = "genius_german";
constexpr char kTrigramTokenizerName[] = "genius_trigram";
// Longer "words" (base64, hashes, CJK runs) are indexed as they are, without stemming.
constexpr std::size_t kMaxStemBytes = 128;
// FTS5 copes with long tokens, but nothing useful is longer than this.
constexpr std::size_t kMaxTermBytes = 256;
// Stems remembered per tokenizer instance (a few MB at most).
constexpr std::size_t kMaxCachedStems = 65536;

struct StemmerDeleter {
    void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

StemmerPtr newStemmer()
{
    return StemmerPtr(sb_stemmer_new("german", "UTF_8"));
}

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

/// Decodes one code point; returns its length in bytes, or 0 for an invalid sequence
/// (overlong, surrogate, truncated), which the caller treats as a one-byte separator.
int decodeUtf8(const unsigned char* p, const unsigned char* end, char32_t& cp)
{
    const unsigned char b0 = p[0];
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    int length = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        length = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        length = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        length = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (end - p < length)
        return 0;
    for (int i = 1; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return length;
}

/// Base letters of accented Latin letters and ligatures, built once from Qt's Unicode
/// tables. ä, ö, ü and ß are kept: the Snowball German stemmer expects them.
class FoldTable
{
public:
    FoldTable()
    {
        for (char32_t cp = kLatinFirst; cp <= kLatinLast; ++cp)
            m_latin[cp - kLatinFirst] = baseOf(cp);
        for (char32_t cp = kExtendedFirst; cp <= kExtendedLast; ++cp)
            m_extended[cp - kExtendedFirst] = baseOf(cp);
        for (char32_t cp = kLigatureFirst; cp <= kLigatureLast; ++cp)
            m_ligature[cp - kLigatureFirst] = baseOf(cp);
        const std::pair<char32_t, const char*> special[] = {
            {U'æ', "ae"}, {U'œ', "oe"}, {U'ø', "o"}, {U'đ', "d"}, {U'ð', "d"},
            {U'ł', "l"},  {U'þ', "th"}, {U'ı', "i"}, {U'ŧ', "t"}, {U'ħ', "h"},
        };
        for (const auto& [cp, base] : special)
            m_latin[cp - kLatinFirst] = base;
        for (const char32_t kept : {U'ä', U'ö', U'ü', U'ß'})
            m_latin[kept - kLatinFirst].clear();
    }

    /// The folded spelling of a case-folded code point, or nullptr to keep it as it is.
    const std::string* find(char32_t cp) const
    {
        const std::string* base = nullptr;
        if (cp >= kLatinFirst && cp <= kLatinLast)
            base = &m_latin[cp - kLatinFirst];
        else if (cp >= kExtendedFirst && cp <= kExtendedLast)
            base = &m_extended[cp - kExtendedFirst];
        else if (cp >= kLigatureFirst && cp <= kLigatureLast)
            base = &m_ligature[cp - kLigatureFirst];
        return base && !base->empty() ? base : nullptr;
    }

private:
    static constexpr char32_t kLatinFirst = 0x00C0, kLatinLast = 0x024F;
    static constexpr char32_t kExtendedFirst = 0x1E00, kExtendedLast = 0x1EFF;
    static constexpr char32_t kLigatureFirst = 0xFB00, kLigatureLast = 0xFB06;

    static std::string baseOf(char32_t cp)
    {
        const auto tag = QChar::decompositionTag(cp);
        if (tag != QChar::Canonical && tag != QChar::Compat)
            return {};
        std::string base;
        const QString decomposed = QChar::decomposition(cp);
        for (const QChar c : decomposed) {
            // Canonical decompositions are base letter + combining marks; keep the letters.
            if (c.isMark())
                continue;
            const QString inner = QChar::decomposition(c.unicode());
            const QChar letter = inner.isEmpty() ? c : inner.front();
            if (letter.unicode() >= 0x80)
                return {};
            base.push_back(static_cast<char>(QChar::toCaseFolded(letter.unicode())));
        }
        return base;
    }

    std::array<std::string, kLatinLast - kLatinFirst + 1> m_latin;
    std::array<std::string, kExtendedLast - kExtendedFirst + 1> m_extended;
    std::array<std::string, kLigatureLast - kLigatureFirst + 1> m_ligature;
};

const FoldTable& foldTable()
{
    static const FoldTable table;
    return table;
}

/// Appends a letter or digit case-folded, with accents and ligatures folded. ä, ö, ü and ß
/// stay unless `foldUmlauts` (the stemmer wants them and folds them itself).
void appendFoldedLetter(std::string& out, char32_t cp, bool foldUmlauts)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        return;
    }
    cp = QChar::toCaseFolded(cp);
    if (cp == 0x1E9E) // capital sharp s: simple case folding keeps it
        cp = U'ß';
    if (const std::string* base = foldTable().find(cp)) {
        out += *base;
    } else if (foldUmlauts && (cp == U'ä' || cp == U'ö' || cp == U'ü' || cp == U'ß')) {
        out += cp == U'ä' ? "a" : cp == U'ö' ? "o" : cp == U'ü' ? "u" : "ss";
    } else {
        appendUtf8(out, cp);
    }
}

/// Characters that may sit inside a word without splitting it and leave no trace in the
/// term: soft hyphens from PDF hyphenation and zero-width (non-)joiners.
bool isIgnorable(char32_t cp)
{
    return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060;
}

/// One word found by the analyzer: its term and where it stands in the UTF-8 input.
struct WordSpan {
    const char* term;
    int termBytes;
    int byteStart;
    int byteEnd;
    int utf16Start;
    int utf16End;
};

/// Splits UTF-8 text into words and turns each into a term: case fold, fold diacritics
/// except the German ones, stem (Snowball expects lower-case German letters, so stemming
/// comes before the final ä/ö/ü fold; "Häuser", "Haus" and "Hauses" all give "haus").
/// Works on bytes without a QString per token because it runs on every chunk at import.
class GermanAnalyzer
{
public:
    GermanAnalyzer()
        : m_stemmer(newStemmer())
    {
    }

    bool isValid() const { return m_stemmer != nullptr; }

    /// Calls `emit(const WordSpan&)` for every word; stops early when it returns false.
    template<typename Emit>
    void run(const char* text, int bytes, bool stem, Emit&& emit)
    {
        const auto* const begin = reinterpret_cast<const unsigned char*>(text);
        const auto* const end = begin + bytes;
        const auto* p = begin;
        int utf16 = 0;
        bool inWord = false;
        bool hasDigit = false;
        int wordStart = 0, wordUtf16Start = 0, wordEnd = 0, wordUtf16End = 0;
        m_word.clear();

        const auto flush = [&]() -> bool {
            inWord = false;
            if (m_word.empty())
                return true;
            const bool keepGoing = emitWord(stem && !hasDigit, wordStart, wordEnd, wordUtf16Start, wordUtf16End, emit);
            m_word.clear();
            hasDigit = false;
            return keepGoing;
        };

        while (p < end) {
            char32_t cp = 0;
            const int length = decodeUtf8(p, end, cp);
            const int offset = static_cast<int>(p - begin);
            if (length == 0) {
                if (inWord && !flush())
                    return;
                ++p;
                ++utf16;
                continue;
            }
            const int units = cp >= 0x10000 ? 2 : 1;
            if (cp < 0x80) {
                // ASCII fast path: the common case in German text.
                const bool alnum = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
                if (alnum) {
                    if (!inWord) {
                        inWord = true;
                        wordStart = offset;
                        wordUtf16Start = utf16;
                    }
                    hasDigit |= cp <= '9';
                    m_word.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
                    wordEnd = offset + 1;
                    wordUtf16End = utf16 + 1;
                } else if (inWord && !flush()) {
                    return;
                }
            } else if (QChar::isLetterOrNumber(cp)) {
                if (!inWord) {
                    inWord = true;
                    wordStart = offset;
                    wordUtf16Start = utf16;
                }
                hasDigit |= QChar::isDigit(cp);
                appendFoldedLetter(m_word, cp, false);
                wordEnd = offset + length;
                wordUtf16End = utf16 + units;
            } else if (inWord && (QChar::isMark(cp) || isIgnorable(cp))) {
                if (cp >= 0x0300 && cp <= 0x036F) {
                    // Combining diacritics vanish, but a decomposed umlaut (u + U+0308) stays one.
                    const char last = m_word.empty() ? '\0' : m_word.back();
                    if (cp == 0x0308 && (last == 'a' || last == 'o' || last == 'u')) {
                        m_word.pop_back();
                        appendUtf8(m_word, last == 'a' ? U'ä' : last == 'o' ? U'ö' : U'ü');
                    }
                } else if (!isIgnorable(cp)) {
                    appendUtf8(m_word, cp); // vowel signs of other scripts are part of the word
                }
                wordEnd = offset + length;
                wordUtf16End = utf16 + units;
            } else if (inWord && !flush()) {
                return;
            }
            p += length;
            utf16 += units;
        }
        if (inWord)
            flush();
    }

private:
    template<typename Emit>
    bool emitWord(bool stem, int byteStart, int byteEnd, int utf16Start, int utf16End, Emit&& emit)
    {
        const char* stemmed = m_word.data();
        int stemmedBytes = static_cast<int>(m_word.size());
        if (stem && m_word.size() <= kMaxStemBytes) {
            // Snowball costs ~0.6 µs a word; text repeats its words, so remember the stems.
            auto cached = m_stems.find(m_word);
            if (cached == m_stems.end()) {
                const sb_symbol* result = sb_stemmer_stem(m_stemmer.get(), reinterpret_cast<const sb_symbol*>(m_word.data()),
                                                          static_cast<int>(m_word.size()));
                if (m_stems.size() >= kMaxCachedStems)
                    m_stems.clear();
                std::string value = result ? std::string(reinterpret_cast<const char*>(result),
                                                         static_cast<std::size_t>(sb_stemmer_length(m_stemmer.get())))
                                           : m_word;
                cached = m_stems.emplace(m_word, std::move(value)).first;
            }
            stemmed = cached->second.data();
            stemmedBytes = static_cast<int>(cached->second.size());
        }
        // The stemmer already folds ä/ö/ü and ß in German words; unstemmed terms need it here.
        m_term.clear();
        for (int i = 0; i < stemmedBytes; ++i) {
            const auto byte = static_cast<unsigned char>(stemmed[i]);
            if (byte == 0xC3 && i + 1 < stemmedBytes) {
                const auto next = static_cast<unsigned char>(stemmed[i + 1]);
                const char* replacement = next == 0xA4 ? "a" : next == 0xB6 ? "o" : next == 0xBC ? "u" : next == 0x9F ? "ss" : nullptr;
                if (replacement) {
                    m_term += replacement;
                    ++i;
                    continue;
                }
            }
            m_term.push_back(static_cast<char>(byte));
        }
        if (m_term.size() > kMaxTermBytes) {
            // Cut at a code point boundary so the term stays valid UTF-8.
            std::size_t cut = kMaxTermBytes;
            while (cut > 0 && (static_cast<unsigned char>(m_term[cut]) & 0xC0) == 0x80)
                --cut;
            m_term.resize(cut);
        }
        return emit(WordSpan{m_term.data(), static_cast<int>(m_term.size()), byteStart, byteEnd, utf16Start, utf16End});
    }

    StemmerPtr m_stemmer;
    std::unordered_map<std::string, std::string> m_stems;
    std::string m_word;
    std::string m_term;
};

// --- FTS5 glue -----------------------------------------------------------------------

int createTokenizer(void*, const char**, int argc, Fts5Tokenizer** out)
{
    if (argc != 0)
        return SQLITE_ERROR; // the tokenizer takes no options
    auto analyzer = std::make_unique<GermanAnalyzer>();
    if (!analyzer->isValid())
        return SQLITE_NOMEM;
    *out = reinterpret_cast<Fts5Tokenizer*>(analyzer.release());
    return SQLITE_OK;
}

void deleteTokenizer(Fts5Tokenizer* tokenizer)
{
    delete reinterpret_cast<GermanAnalyzer*>(tokenizer);
}

int tokenize(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text, int bytes,
             int (*token)(void*, int, const char*, int, int, int))
{
    auto* analyzer = reinterpret_cast<GermanAnalyzer*>(tokenizer);
    // A prefix query ("verwalt*") must match the start of terms, so it is not stemmed.
    const bool stem = (flags & FTS5_TOKENIZE_PREFIX) == 0;
    int rc = SQLITE_OK;
    analyzer->run(text, bytes, stem, [&](const WordSpan& word) {
        rc = token(context, 0, word.term, word.termBytes, word.byteStart, word.byteEnd);
        return rc == SQLITE_OK;
    });
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/// "genius_trigram": SQLite's trigram tokenizer over folded text (lower case, ä→a, ß→ss,
/// accents and soft hyphens removed), so "Plan" finds "Bebauungspläne" and "Strasse" finds
/// "Straße". Offsets still point into the original text.
class FoldedTrigramTokenizer
{
public:
    static int create(void* context, const char**, int argc, Fts5Tokenizer** out)
    {
        if (argc != 0)
            return SQLITE_ERROR;
        auto* api = static_cast<fts5_api*>(context);
        auto tokenizer = std::make_unique<FoldedTrigramTokenizer>();
        void* innerContext = nullptr;
        int rc = api->xFindTokenizer(api, "trigram", &innerContext, &tokenizer->m_inner);
        if (rc != SQLITE_OK)
            return rc;
        // Folding already lowered the case; the inner tokenizer need not do it again.
        const char* options[] = {"case_sensitive", "1"};
        rc = tokenizer->m_inner.xCreate(innerContext, options, 2, &tokenizer->m_instance);
        if (rc != SQLITE_OK)
            return rc;
        *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer.release());
        return SQLITE_OK;
    }

    static void destroy(Fts5Tokenizer* tokenizer)
    {
        delete reinterpret_cast<FoldedTrigramTokenizer*>(tokenizer);
    }

    static int tokenize(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text, int bytes,
                        int (*token)(void*, int, const char*, int, int, int))
    {
        auto* self = reinterpret_cast<FoldedTrigramTokenizer*>(tokenizer);
        self->fold(text, bytes);
        Forward forward{self, context, token};
        return self->m_inner.xTokenize(self->m_instance, &forward, flags, self->m_folded.data(),
                                       static_cast<int>(self->m_folded.size()), &FoldedTrigramTokenizer::forwardToken);
    }

    ~FoldedTrigramTokenizer()
    {
        if (m_instance)
            m_inner.xDelete(m_instance);
    }

private:
    struct Forward {
        FoldedTrigramTokenizer* self;
        void* context;
        int (*token)(void*, int, const char*, int, int, int);
    };

    static int forwardToken(void* context, int flags, const char* term, int termBytes, int start, int end)
    {
        const auto* forward = static_cast<Forward*>(context);
        const auto& starts = forward->self->m_starts;
        const auto& ends = forward->self->m_ends;
        if (start < 0 || end <= start || static_cast<std::size_t>(end) > ends.size())
            return SQLITE_ERROR;
        return forward->token(forward->context, flags, term, termBytes, starts[static_cast<std::size_t>(start)],
                              ends[static_cast<std::size_t>(end - 1)]);
    }

    /// Folds `text` into m_folded; m_starts/m_ends map each folded byte to its source character.
    void fold(const char* text, int bytes)
    {
        m_folded.clear();
        m_starts.clear();
        m_ends.clear();
        const auto* const begin = reinterpret_cast<const unsigned char*>(text);
        const auto* const end = begin + bytes;
        for (const auto* p = begin; p < end;) {
            char32_t cp = 0;
            const int length = decodeUtf8(p, end, cp);
            const int offset = static_cast<int>(p - begin);
            if (length == 0) {
                m_folded.push_back(' '); // invalid byte: a separator
            } else if (cp < 0x80) {
                m_folded.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            } else if (QChar::isLetterOrNumber(cp)) {
                appendFoldedLetter(m_folded, cp, true);
            } else if (!(cp >= 0x0300 && cp <= 0x036F) && !isIgnorable(cp)) {
                m_folded.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(length));
            }
            const int next = offset + std::max(length, 1);
            m_starts.resize(m_folded.size(), offset);
            m_ends.resize(m_folded.size(), next);
            p += std::max(length, 1);
        }
    }

    fts5_tokenizer m_inner{};
    Fts5Tokenizer* m_instance = nullptr;
    std::string m_folded;
    std::vector<int> m_starts;
    std::vector<int> m_ends;
};

/// genius_bm25(table, k1, b, proximity, window, termWeights, columnWeight...): Okapi BM25 as
/// FTS5's bm25() computes it (column weights scale term frequencies; one length normalisation
/// per row; IDF floored at 1e-6), with tunable k1 and b, per-term weights (a string of numbers
/// in query order) and a proximity part after BM25TP: occurrences of a term with another query
/// term within `window` tokens count again, times `proximity`. Returns the negated score, so
/// ascending order puts the best first, like bm25().
struct Bm25Data {
    std::vector<double> idf; // per phrase, times the phrase's weight
    double avgRowLength = 0.0;
};

void deleteBm25Data(void* data)
{
    delete static_cast<Bm25Data*>(data);
}

int countPhraseRows(const Fts5ExtensionApi*, Fts5Context*, void* userData)
{
    ++*static_cast<sqlite3_int64*>(userData);
    return SQLITE_OK;
}

Bm25Data* bm25Data(const Fts5ExtensionApi* api, Fts5Context* fts, const char* termWeights, int& rc)
{
    if (auto* data = static_cast<Bm25Data*>(api->xGetAuxdata(fts, 0)))
        return data;
    auto fresh = std::make_unique<Bm25Data>();
    sqlite3_int64 rows = 0;
    rc = api->xRowCount(fts, &rows);
    for (int c = 0; c < api->xColumnCount(fts) && rc == SQLITE_OK; ++c) {
        sqlite3_int64 tokens = 0;
        rc = api->xColumnTotalSize(fts, c, &tokens);
        fresh->avgRowLength += rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
    }
    for (int p = 0; p < api->xPhraseCount(fts) && rc == SQLITE_OK; ++p) {
        sqlite3_int64 hits = 0;
        rc = api->xQueryPhrase(fts, p, &hits, countPhraseRows);
        const double idf = std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
        fresh->idf.push_back(idf > 1e-6 ? idf : 1e-6); // as FTS5: very common terms still count a little
    }
    // Optional per-phrase weights: numbers separated by spaces, in the order of the query.
    for (std::size_t p = 0; termWeights && *termWeights && p < fresh->idf.size(); ++p) {
        char* next = nullptr;
        const double weight = std::strtod(termWeights, &next);
        if (next == termWeights)
            break;
        fresh->idf[p] *= weight;
        termWeights = next;
    }
    if (rc == SQLITE_OK)
        rc = api->xSetAuxdata(fts, fresh.get(), deleteBm25Data);
    return rc == SQLITE_OK ? fresh.release() : nullptr;
}

void bm25Function(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argc, sqlite3_value** argv)
{
    const auto argument = [&](int i, double fallback) { return i < argc ? sqlite3_value_double(argv[i]) : fallback; };
    const double k1 = argument(0, 1.2);
    const double b = argument(1, 0.75);
    const double proximity = argument(2, 0.0);
    const int window = static_cast<int>(argument(3, 0.0));
    const char* termWeights = argc > 4 ? reinterpret_cast<const char*>(sqlite3_value_text(argv[4])) : nullptr;
    int rc = SQLITE_OK;
    const Bm25Data* data = bm25Data(api, fts, termWeights, rc);
    if (!data) {
        sqlite3_result_error_code(result, rc);
        return;
    }
    const int columns = api->xColumnCount(fts);
    std::vector<double> weights(static_cast<std::size_t>(columns), 1.0);
    double rowLength = 0.0;
    for (int c = 0; c < columns; ++c) {
        weights[static_cast<std::size_t>(c)] = argument(5 + c, 1.0);
        int length = 0;
        api->xColumnSize(fts, c, &length);
        rowLength += length;
    }
    int instances = 0;
    if (rc = api->xInstCount(fts, &instances); rc != SQLITE_OK) {
        sqlite3_result_error_code(result, rc);
        return;
    }
    struct Hit {
        int phrase, column, offset;
    };
    std::vector<Hit> hits;
    hits.reserve(static_cast<std::size_t>(instances));
    for (int i = 0; i < instances; ++i) {
        Hit hit{};
        if (api->xInst(fts, i, &hit.phrase, &hit.column, &hit.offset) == SQLITE_OK)
            hits.push_back(hit);
    }
    const std::size_t phrases = data->idf.size();
    std::vector<double> frequency(phrases, 0.0);
    std::vector<double> near(phrases, 0.0);
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const Hit& hit = hits[i];
        const double weight = weights[static_cast<std::size_t>(hit.column)];
        frequency[static_cast<std::size_t>(hit.phrase)] += weight;
        if (proximity <= 0.0)
            continue;
        // Instances come in column and offset order: only neighbours can be within the window.
        bool close = false;
        for (std::size_t j = i; j-- > 0 && !close;) {
            if (hits[j].column != hit.column || hit.offset - hits[j].offset > window)
                break;
            close = hits[j].phrase != hit.phrase;
        }
        for (std::size_t j = i + 1; j < hits.size() && !close; ++j) {
            if (hits[j].column != hit.column || hits[j].offset - hit.offset > window)
                break;
            close = hits[j].phrase != hit.phrase;
        }
        if (close)
            near[static_cast<std::size_t>(hit.phrase)] += weight;
    }
    const double norm = 1.0 - b + b * rowLength / std::max(data->avgRowLength, 1e-9);
    const auto saturated = [&](double f) { return f * (k1 + 1.0) / (f + k1 * norm); };
    double score = 0.0;
    for (std::size_t p = 0; p < phrases; ++p)
        score += data->idf[p] * (saturated(frequency[p]) + proximity * saturated(near[p]));
    sqlite3_result_double(result, -score);
}

fts5_api* fts5Api(sqlite3* db)
{
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

GermanAnalyzer& threadAnalyzer()
{
    // germanTerms() runs on query threads; a stemmer is not thread-safe, so one per thread.
    thread_local GermanAnalyzer analyzer;
    return analyzer;
}

} // namespace

common::Result<void> registerGermanTokenizer(sqlite3* db)
{
    if (!db)
        return common::fail(common::ErrorCode::InvalidArgument, QStringLiteral("No SQLite connection was given."));
    fts5_api* api = fts5Api(db);
    if (!api || api->iVersion < 2)
        return common::fail(common::ErrorCode::Unavailable, QStringLiteral("SQLite on this system has no usable FTS5."));
    fts5_tokenizer german{createTokenizer, deleteTokenizer, tokenize};
    fts5_tokenizer trigram{FoldedTrigramTokenizer::create, FoldedTrigramTokenizer::destroy,
                           FoldedTrigramTokenizer::tokenize};
    int rc = api->xCreateTokenizer(api, kTokenizerName, nullptr, &german, nullptr);
    if (rc == SQLITE_OK)
        rc = api->xCreateTokenizer(api, kTrigramTokenizerName, api, &trigram, nullptr);
    if (rc == SQLITE_OK)
        rc = api->xCreateFunction(api, "genius_bm25", nullptr, bm25Function, nullptr);
    if (rc != SQLITE_OK)
        return common::fail(common::ErrorCode::Unavailable,
                            QStringLiteral("The German tokenizers could not be registered: %1")
                                .arg(QString::fromUtf8(sqlite3_errstr(rc))));
    qCDebug(lcIndex) << "registered FTS5 tokenizers" << kTokenizerName << kTrigramTokenizerName;
    return {};
}

QStringList germanTerms(const QString& text)
{
    QStringList terms;
    const QByteArray utf8 = text.toUtf8();
    GermanAnalyzer& analyzer = threadAnalyzer();
    if (!analyzer.isValid())
        return terms;
    analyzer.run(utf8.constData(), static_cast<int>(utf8.size()), true, [&](const WordSpan& word) {
        terms.append(QString::fromUtf8(word.term, word.termBytes));
        return true;
    });
    return terms;
}

QList<GermanWord> germanWords(const QString& text)
{
    QList<GermanWord> words;
    const QByteArray utf8 = text.toUtf8();
    GermanAnalyzer& analyzer = threadAnalyzer();
    if (!analyzer.isValid())
        return words;
    analyzer.run(utf8.constData(), static_cast<int>(utf8.size()), true, [&](const WordSpan& word) {
        words.append(GermanWord{text.mid(word.utf16Start, word.utf16End - word.utf16Start),
                                QString::fromUtf8(word.term, word.termBytes), word.utf16Start, word.utf16End});
        return true;
    });
    return words;
}

} // namespace genius::index
