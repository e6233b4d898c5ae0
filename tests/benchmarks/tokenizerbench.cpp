// tokenizer: FTS5 indexing throughput of the German and folded-trigram tokenizers against
// SQLite's own, over the statutes of the shared corpus.
#include "benchcommands.h"
#include "benchcommon.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>

namespace genius::bench {

using namespace Qt::StringLiterals;

int tokenizer(const QStringList& arguments)
{
    const Options options(arguments);
    if (const QStringList unknown = options.unknown({u"laws"_s}); !unknown.isEmpty())
        return failWith(u"unknown option %1"_s.arg(unknown.front()));
    const QDir laws(options.text(u"laws"_s, corpusDir() + u"/gesetze"_s));
    QStringList texts;
    qint64 bytes = 0;
    for (const QString& name : laws.entryList({u"*.md"_s}, QDir::Files, QDir::Name)) {
        QFile file(laws.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        bytes += content.size();
        // Pieces of about a chunk's size, as the importer stores them.
        const QString text = QString::fromUtf8(content);
        for (qsizetype at = 0; at < text.size(); at += 1200)
            texts.append(text.mid(at, 1200));
    }
    if (texts.isEmpty())
        return failWith(u"no laws in %1"_s.arg(laws.path()));

    BenchIndex index;
    if (!index.error().isEmpty())
        return failWith(index.error());
    QSqlDatabase db = index.db();
    const QList<std::pair<QString, QString>> tokenizers = {
        {u"genius_german"_s, u"tokenize='genius_german'"_s},
        {u"unicode61"_s, u"tokenize='unicode61'"_s},
        {u"unicode61-remove-diacritics"_s, u"tokenize='unicode61 remove_diacritics 2'"_s},
        {u"genius_trigram"_s, u"tokenize='genius_trigram', detail='none'"_s},
        {u"trigram"_s, u"tokenize='trigram', detail='none'"_s},
    };
    for (qsizetype t = 0; t < tokenizers.size(); ++t) {
        const QString table = u"bench%1"_s.arg(t);
        QSqlQuery create(db);
        if (!create.exec(u"CREATE VIRTUAL TABLE %1 USING fts5(body, %2)"_s.arg(table, tokenizers[t].second)))
            return failWith(u"cannot create a table with %1"_s.arg(tokenizers[t].first));
        QElapsedTimer timer;
        timer.start();
        db.transaction();
        QSqlQuery insert(db);
        insert.prepare(u"INSERT INTO %1(body) VALUES (?)"_s.arg(table));
        for (const QString& text : texts) {
            insert.addBindValue(text);
            if (!insert.exec())
                return failWith(u"insert failed with %1"_s.arg(tokenizers[t].first));
        }
        db.commit();
        const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        JsonLine()
            .add(u"bench"_s, u"tokenizer"_s)
            .add(u"tokenizer"_s, tokenizers[t].first)
            .add(u"mb"_s, static_cast<double>(bytes) / 1e6, 1)
            .add(u"rows"_s, static_cast<qint64>(texts.size()))
            .add(u"seconds"_s, seconds, 3)
            .add(u"mb_per_s"_s, static_cast<double>(bytes) / 1e6 / seconds, 2)
            .print();
    }
    return 0;
}

} // namespace genius::bench
