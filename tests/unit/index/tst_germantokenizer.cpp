#include "core/index/germantokenizer.h"

#include <QTest>

#include <sqlite3.h>

#include <cmath>
#include <string>

using namespace genius::index;
using namespace Qt::StringLiterals;

namespace {

/// An in-memory SQLite connection with the tokenizer and one FTS5 table `t(body)`.
class FtsTable
{
public:
    FtsTable()
    {
        if (sqlite3_open(":memory:", &m_db) != SQLITE_OK)
            return;
        m_registered = registerGermanTokenizer(m_db).has_value();
        m_created = exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='genius_german')");
    }
    ~FtsTable() { sqlite3_close(m_db); }

    bool ready() const { return m_registered && m_created; }

    bool exec(const char* sql)
    {
        return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    }

    /// Inserts raw bytes (which need not be valid UTF-8) as one row.
    bool insert(const std::string& bytes)
    {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db, "INSERT INTO t(body) VALUES (?1)", -1, &statement, nullptr) != SQLITE_OK)
            return false;
        sqlite3_bind_text(statement, 1, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
        const int rc = sqlite3_step(statement);
        sqlite3_finalize(statement);
        return rc == SQLITE_DONE;
    }

    /// The first column of every row of `sql` with `?1` bound to `parameter`; "ERROR" on failure.
    QStringList column(const char* sql, const QString& parameter = {})
    {
        QStringList values;
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr) != SQLITE_OK)
            return {u"ERROR"_s};
        const QByteArray utf8 = parameter.toUtf8();
        sqlite3_bind_text(statement, 1, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
        int rc = SQLITE_OK;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
            values.append(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)),
                                            sqlite3_column_bytes(statement, 0)));
        sqlite3_finalize(statement);
        if (rc != SQLITE_DONE)
            return {u"ERROR"_s};
        return values;
    }

    sqlite3* db() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
    bool m_registered = false;
    bool m_created = false;
};

} // namespace

class TestGermanTokenizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void caseAndUmlauts_foldToSameTerms();
    void inflectedForms_meetInOneStem_data();
    void inflectedForms_meetInOneStem();
    void paragraphNumbers_keepTheirLetter();
    void otherDiacriticsAndLigatures_fold();
    void wordOffsets_countUtf16Units();
    void highlight_marksOriginalBytes();
    void match_findsInflectedAndFoldedForms();
    void prefixQuery_isNotStemmed();
    void emojiCjkAndInvalidBytes_areSafe();
    void longWord_isIndexedWithoutCrash();
    void registerTwice_succeeds();
    void geniusBm25_defaultsEqualBuiltinBm25();
    void geniusBm25_rewardsNearTermsAndTermWeights();
};

void TestGermanTokenizer::caseAndUmlauts_foldToSameTerms()
{
    QCOMPARE(germanTerms(u"STRASSE Straße straße"_s), QStringList({u"strass"_s, u"strass"_s, u"strass"_s}));
    QCOMPARE(germanTerms(u"Übung"_s), germanTerms(u"ubung"_s));
    QCOMPARE(germanTerms(u"ÄRGER"_s), germanTerms(u"ärger"_s));
    QCOMPARE(germanTerms(u"Behörde"_s), germanTerms(u"Behorde"_s));
    const QStringList terms = germanTerms(u"Öffentliche Äußerung über Gebühren"_s);
    for (const QString& term : terms) {
        for (const QChar c : term)
            QVERIFY2(c.unicode() < 0x80, qPrintable(term)); // German letters fold to ASCII
    }
    QCOMPARE(terms.size(), 4);
}

void TestGermanTokenizer::inflectedForms_meetInOneStem_data()
{
    QTest::addColumn<QStringList>("forms");
    QTest::newRow("Haus") << QStringList{u"Häuser"_s, u"Haus"_s, u"Hauses"_s, u"Häusern"_s};
    QTest::newRow("Verwaltungsakt") << QStringList{u"Verwaltungsakte"_s, u"Verwaltungsaktes"_s, u"Verwaltungsakt"_s,
                                                   u"Verwaltungsakts"_s};
    QTest::newRow("Behörde") << QStringList{u"Behörde"_s, u"Behörden"_s, u"BEHÖRDEN"_s};
    QTest::newRow("Genehmigung") << QStringList{u"Genehmigung"_s, u"Genehmigungen"_s};
    QTest::newRow("Arzt") << QStringList{u"Ärzte"_s, u"Arzt"_s, u"Arztes"_s};
}

void TestGermanTokenizer::inflectedForms_meetInOneStem()
{
    QFETCH(QStringList, forms);
    const QStringList first = germanTerms(forms.front());
    QCOMPARE(first.size(), 1);
    for (const QString& form : forms)
        QCOMPARE(germanTerms(form), first);
    // Different words stay apart.
    QVERIFY(germanTerms(u"Haus"_s) != germanTerms(u"Hase"_s));
}

void TestGermanTokenizer::paragraphNumbers_keepTheirLetter()
{
    QCOMPARE(germanTerms(u"§ 35a VwVfG"_s), QStringList({u"35a"_s, u"vwvfg"_s}));
    QCOMPARE(germanTerms(u"§§35a-35c"_s), QStringList({u"35a"_s, u"35c"_s}));
    QCOMPARE(germanTerms(u"Art. 12 Abs. 1 Nr. 3"_s), QStringList({u"art"_s, u"12"_s, u"abs"_s, u"1"_s, u"nr"_s, u"3"_s}));
    // Words with digits are not stemmed ("2021er" stays whole).
    QCOMPARE(germanTerms(u"2021er"_s), QStringList({u"2021er"_s}));
}

void TestGermanTokenizer::otherDiacriticsAndLigatures_fold()
{
    QCOMPARE(germanTerms(u"Café"_s), germanTerms(u"Cafe"_s));
    QCOMPARE(germanTerms(u"Señor Łódź"_s), germanTerms(u"Senor Lodz"_s));
    QCOMPARE(germanTerms(u"\uFB01nden"_s), germanTerms(u"finden"_s)); // "ﬁ" ligature from PDFs
    QCOMPARE(germanTerms(u"Ha\u0308user"_s), germanTerms(u"Häuser"_s));        // decomposed umlaut
    QCOMPARE(germanTerms(u"Verwal\u00ADtungsakt"_s), germanTerms(u"Verwaltungsakt"_s)); // soft hyphen
    QCOMPARE(germanTerms(u"Straße"_s), germanTerms(u"STRA\u1E9EE"_s));              // capital sharp s
}

void TestGermanTokenizer::wordOffsets_countUtf16Units()
{
    const QString text = u"😀 Die Häuser, § 35a!"_s;
    const QList<GermanWord> words = germanWords(text);
    QCOMPARE(words.size(), 3);
    for (const GermanWord& word : words)
        QCOMPARE(text.mid(word.start, word.end - word.start), word.surface);
    QCOMPARE(words[0].surface, u"Die"_s);
    QCOMPARE(words[0].start, 3); // the emoji is two UTF-16 units, then a space
    QCOMPARE(words[1].surface, u"Häuser"_s);
    QCOMPARE(words[1].term, u"haus"_s);
    QCOMPARE(words[2].surface, u"35a"_s);
}

void TestGermanTokenizer::highlight_marksOriginalBytes()
{
    FtsTable table;
    QVERIFY(table.ready());
    QVERIFY(table.insert("Die Häuser am Fluß gehören der Behörde; 😀 Straßenbaubehörden prüfen."));
    QCOMPARE(table.column("SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1", u"haus OR behorden"_s),
             QStringList{u"Die [Häuser] am Fluß gehören der [Behörde]; 😀 Straßenbaubehörden prüfen."_s});
    QCOMPARE(table.column("SELECT highlight(t, 0, '<', '>') FROM t WHERE t MATCH ?1", u"prufen"_s),
             QStringList{u"Die Häuser am Fluß gehören der Behörde; 😀 Straßenbaubehörden <prüfen>."_s});
    const QStringList snippet = table.column("SELECT snippet(t, 0, '[', ']', '…', 3) FROM t WHERE t MATCH ?1", u"fluss"_s);
    QCOMPARE(snippet.size(), 1);
    QVERIFY2(snippet.front().contains(u"[Fluß]"_s), qPrintable(snippet.front()));
}

void TestGermanTokenizer::match_findsInflectedAndFoldedForms()
{
    FtsTable table;
    QVERIFY(table.ready());
    QVERIFY(table.insert("Der Erlass des Verwaltungsaktes durch die Behörde"));
    QVERIFY(table.insert("Häuser an der Strasse"));
    QCOMPARE(table.column("SELECT rowid FROM t WHERE t MATCH ?1", u"Verwaltungsakte"_s), QStringList{u"1"_s});
    QCOMPARE(table.column("SELECT rowid FROM t WHERE t MATCH ?1", u"\"BEHÖRDEN\""_s), QStringList{u"1"_s});
    QCOMPARE(table.column("SELECT rowid FROM t WHERE t MATCH ?1", u"Hauses"_s), QStringList{u"2"_s});
    QCOMPARE(table.column("SELECT rowid FROM t WHERE t MATCH ?1", u"Straße"_s), QStringList{u"2"_s});
    QCOMPARE(table.column("SELECT rowid FROM t WHERE t MATCH ?1", u"Baum"_s), QStringList{});
}

void TestGermanTokenizer::prefixQuery_isNotStemmed()
{
    FtsTable table;
    QVERIFY(table.ready());
    QVERIFY(table.insert("Verwaltungsaktes"));
    QVERIFY(table.insert("Verwalter"));
    // "verwaltung*" stemmed would become "verwalt*" and also find row 2.
    QCOMPARE(table.column("SELECT rowid FROM t WHERE t MATCH ?1", u"verwaltungs*"_s), QStringList{u"1"_s});
    QCOMPARE(table.column("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid", u"verwalt*"_s),
             QStringList({u"1"_s, u"2"_s}));
}

void TestGermanTokenizer::emojiCjkAndInvalidBytes_areSafe()
{
    QCOMPARE(germanTerms(u"😀🎉 ¶ § — … \t\n"_s), QStringList{});
    QCOMPARE(germanTerms(QString()), QStringList{});
    QCOMPARE(germanTerms(u"東京都 に住む"_s), QStringList({u"東京都"_s, u"に住む"_s}));
    QCOMPARE(germanTerms(u"Привет мир"_s).size(), 2);

    FtsTable table;
    QVERIFY(table.ready());
    // Invalid UTF-8: a stray continuation byte, a truncated sequence at the end, an overlong '/'.
    QVERIFY(table.insert(std::string("ab\xFF" "cd \xC0\xAF" "ef \x80gh \xE2\x82", 17)));
    QCOMPARE(table.column("SELECT rowid FROM t WHERE t MATCH ?1", u"cd AND ef AND gh AND ab"_s), QStringList{u"1"_s});
    QVERIFY(table.insert("😀 東京都"));
    QCOMPARE(table.column("SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1", u"東京都"_s),
             QStringList{u"😀 [東京都]"_s});
    QVERIFY(table.exec("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')"));
    const QStringList vocabulary = table.column("SELECT term FROM v ORDER BY term");
    QCOMPARE(vocabulary, QStringList({u"ab"_s, u"cd"_s, u"ef"_s, u"gh"_s, u"東京都"_s}));
}

void TestGermanTokenizer::longWord_isIndexedWithoutCrash()
{
    const QString word = QString(20000, u'a') + u"ä"_s;
    const QStringList terms = germanTerms(word + u" Haus"_s);
    QCOMPARE(terms.size(), 2);
    QVERIFY(terms.front().size() <= 256);
    QCOMPARE(terms.back(), u"haus"_s);
    FtsTable table;
    QVERIFY(table.ready());
    QVERIFY(table.insert(QString(word + u" Haus"_s).toStdString()));
    QCOMPARE(table.column("SELECT rowid FROM t WHERE t MATCH ?1", u"Häuser"_s), QStringList{u"1"_s});
}

void TestGermanTokenizer::registerTwice_succeeds()
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(":memory:", &db), SQLITE_OK);
    QVERIFY(registerGermanTokenizer(db).has_value());
    QVERIFY(registerGermanTokenizer(db).has_value());
    sqlite3_close(db);
    QCOMPARE(registerGermanTokenizer(nullptr).error().code, genius::common::ErrorCode::InvalidArgument);
}

void TestGermanTokenizer::geniusBm25_defaultsEqualBuiltinBm25()
{
    FtsTable table;
    QVERIFY(table.ready());
    QVERIFY(table.exec("CREATE VIRTUAL TABLE two USING fts5(heading, body, tokenize='genius_german')"));
    QVERIFY(table.exec("INSERT INTO two VALUES ('§ 35 Begriff des Verwaltungsaktes', 'Verwaltungsakt ist jede Verfügung der Behörde'),"
                       "('§ 36 Nebenbestimmungen', 'Ein Verwaltungsakt darf mit einer Nebenbestimmung versehen werden'),"
                       "('§ 1 Anwendungsbereich', 'Dieses Gesetz gilt für die Behörden des Bundes und der Länder'),"
                       "('Anlage', 'Behörde Behörde Behörde')"));
    const QString query = u"verwaltungsakt OR behorde OR begriff"_s;
    const QStringList builtin = table.column("SELECT printf('%.9f', bm25(two, 2.0, 1.0)) FROM two WHERE two MATCH ?1 ORDER BY rowid", query);
    const QStringList ours = table.column(
        "SELECT printf('%.9f', genius_bm25(two, 1.2, 0.75, 0, 0, '', 2.0, 1.0)) FROM two WHERE two MATCH ?1 ORDER BY rowid", query);
    QCOMPARE(builtin.size(), 4);
    QCOMPARE(ours, builtin);
}

void TestGermanTokenizer::geniusBm25_rewardsNearTermsAndTermWeights()
{
    FtsTable table;
    QVERIFY(table.ready());
    // Same words, same lengths; only the distance between "frist" and "widerspruch" differs.
    QVERIFY(table.insert("Die Frist für den Widerspruch beträgt einen Monat nach Bekanntgabe an alle Beteiligten hier"));
    QVERIFY(table.insert("Die Frist beträgt einen Monat nach Bekanntgabe an alle Beteiligten hier für den Widerspruch"));
    const QString query = u"frist OR widerspruch"_s;
    const auto scores = [&](const char* sql) { return table.column(sql, query); };
    const QStringList plain = scores("SELECT -genius_bm25(t, 1.2, 0.75, 0, 0, '') FROM t WHERE t MATCH ?1 ORDER BY rowid");
    QCOMPARE(plain.size(), 2);
    QCOMPARE(plain[0], plain[1]);
    const QStringList near = scores("SELECT -genius_bm25(t, 1.2, 0.75, 0.5, 4, '') FROM t WHERE t MATCH ?1 ORDER BY rowid");
    QVERIFY2(near[0].toDouble() > near[1].toDouble(), qPrintable(near.join(u' ')));
    QCOMPARE(near[1].toDouble(), plain[1].toDouble()); // 12 tokens apart: outside the window
    // Doubling a term's weight doubles its part of the score.
    QVERIFY(table.insert("Widerspruch"));
    const QStringList single = scores("SELECT -genius_bm25(t, 1.2, 0.75, 0, 0, '1 1') FROM t WHERE t MATCH ?1 AND rowid = 3");
    const QStringList doubled = scores("SELECT -genius_bm25(t, 1.2, 0.75, 0, 0, '1 2') FROM t WHERE t MATCH ?1 AND rowid = 3");
    QCOMPARE(single.size(), 1);
    QVERIFY(std::abs(doubled[0].toDouble() - 2 * single[0].toDouble()) < 1e-9);
}

QTEST_GUILESS_MAIN(TestGermanTokenizer)
#include "tst_germantokenizer.moc"
