#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <initializer_list>

namespace genius::services {

/// One word of a user's request as the main agent's cue rules see it (private helper of
/// intentrouter.cpp).
struct RequestWord {
    QString surface; ///< as typed
    QString folded; ///< lower case, ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped
    int start = 0; ///< UTF-16 offset in the request
    int end = 0; ///< one past the last UTF-16 unit
    int clause = 0; ///< words of one clause share it (split at , ; : . ! ? dashes, "sondern")
    bool negated = false; ///< a negation ("keine", "nicht", "statt", "not") stands just before it
    bool consumed = false; ///< part of a document reference ("im Bescheid"), not a cue of its own
};

/// Folds a word the way the rules compare it: case, umlauts (ä→ae, so "Buergeranfrage" and
/// "Bürgeranfrage" meet), ß→ss and other Latin accents.
QString foldWord(QStringView word);

/// Splits `text` into words (runs of letters and digits) with clauses and negations marked.
QList<RequestWord> splitRequest(const QString& text);

/// True when `word` begins with `stem`, or — for stems of six or more letters — a prefix of
/// `word` is one typing error (insertion, deletion, substitution, transposition) away from it.
bool matchesStem(const QString& word, QStringView stem);

/// True when the folded word starts with any of the stems (exact prefixes, no typos).
bool startsWithAny(const QString& word, std::initializer_list<QStringView> stems);

/// True when the folded word is one of `words`.
bool isAnyOf(const QString& word, std::initializer_list<QStringView> words);

/// At most one typing error between two words (Damerau-Levenshtein distance ≤ 1).
bool withinOneEdit(QStringView a, QStringView b);

/// True when the folded word matches a pattern token: "a|b" alternatives, "x*" a prefix,
/// "~x" a prefix with one typing error allowed, "*" any word.
bool tokenMatches(const QString& folded, QStringView pattern);

/// True when `word` is `noun`, an inflection of it ("dokuments") or a compound ending in it
/// ("zuwendungsbescheid").
bool isNounLike(const QString& word, QStringView noun);
bool isNounLikeAny(const QString& word, std::initializer_list<QStringView> nouns);

/// Word classes of the cue rules, all on folded words: nouns naming a document ("bescheid"),
/// nouns naming an attachment ("anhang"), prepositions and articles of a reference ("in dem"),
/// deictics ("dieser"), words that point at a document directly ("im", "laut", "angehaengten").
bool isDocumentNoun(const QString& word);
bool isAttachmentNoun(const QString& word);
bool isReferencePreposition(const QString& word);
bool isArticle(const QString& word);
bool isDeictic(const QString& word);
bool isDirectReference(const QString& word);
bool isAttachmentAdjective(const QString& word);
/// Words that ask for something ("erstelle", "bitte", "brauche") and turn a noun such as
/// "Vermerk" into a drafting request.
bool isRequestMarker(const QString& word);
/// Determiners before a noun: "das Schreiben" is a letter, "Protokoll schreiben" a verb.
bool isDeterminer(const QString& word);

/// The stemmed term of one word for comparing collection names ("Ratsbeschluesse" and
/// "Ratsbeschlüsse" give the same term).
QString collectionTerm(const QString& word);

} // namespace genius::services
