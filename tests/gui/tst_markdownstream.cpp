// MarkdownStream: a streamed answer ends up as the same document as rendering it whole, and
// the work stays linear in the answer's length (no re-render of what was already shown).
#include "ui/markdownstream.h"

#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>

using genius::ui::MarkdownStream;
using namespace Qt::StringLiterals;

namespace {

const QString kAnswer = u"## Antrag auf Wohngeld\n\n"
                        "Sie stellen den Antrag **schriftlich** bei der Wohngeldbehörde [1].\n\n"
                        "- Einkommensnachweise der letzten zwölf Monate\n"
                        "- Mietvertrag und Mietbescheinigung\n"
                        "- Personalausweis\n\n"
                        "```\nAntragsformular\n\nSeite 2\n```\n\n"
                        "1. Formular ausfüllen\n2. Nachweise beifügen\n\n"
                        "Die Bearbeitung dauert in der Regel *vier bis sechs Wochen*."_s;

/// Splits like a model's stream: a few characters at a time, cutting through words and marks.
QStringList tokens(const QString& text, int size = 3)
{
    QStringList pieces;
    for (qsizetype i = 0; i < text.size(); i += size)
        pieces.append(text.mid(i, size));
    return pieces;
}

QStringList blockSummary(const QTextDocument& document)
{
    QStringList summary;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        summary.append(u"%1|%2|%3"_s.arg(block.blockFormat().headingLevel())
                           .arg(block.textList() ? block.textList()->format().style() : 0)
                           .arg(block.text()));
    }
    return summary;
}

} // namespace

class TestMarkdownStream final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamedAnswer_endsLikeTheWholeAnswerRendered()
    {
        for (const int interval : { 0, 50 }) {
            QTextDocument streamed;
            MarkdownStream stream(streamed);
            stream.setInterval(interval);
            for (const QString& piece : tokens(kAnswer)) {
                stream.append(piece);
                QCoreApplication::processEvents();
            }
            stream.finish();
            QTextDocument whole;
            whole.setMarkdown(kAnswer);
            QCOMPARE(blockSummary(streamed).join(u'\n'), blockSummary(whole).join(u'\n'));
            QCOMPARE(stream.markdown(), kAnswer);
        }
    }

    void whileStreaming_theUnfinishedBlockIsShownAndReplaced()
    {
        QTextDocument document;
        MarkdownStream stream(document);
        stream.setInterval(0);
        stream.append(u"Erster Absatz mit **fett"_s);
        QCOMPARE(document.toPlainText(), u"Erster Absatz mit **fett"_s); // an open mark stays visible
        stream.append(u"**.\n\nZweiter"_s);
        QCOMPARE(document.toPlainText(), u"Erster Absatz mit fett.\nZweiter"_s);
        QVERIFY(document.begin().begin().fragment().charFormat().fontWeight() < QFont::Bold);
        stream.append(u" Absatz."_s);
        stream.finish();
        QCOMPARE(document.toPlainText(), u"Erster Absatz mit fett.\nZweiter Absatz."_s);
        QCOMPARE(document.blockCount(), 2);
    }

    void blankLineInsideACodeFence_doesNotSplitTheFence()
    {
        QTextDocument document;
        MarkdownStream stream(document);
        stream.setInterval(0);
        for (const QString& piece : tokens(u"Vorher.\n\n```\nzeile 1\n\nzeile 3\n```\n\nNachher."_s, 1))
            stream.append(piece);
        stream.finish();
        QTextDocument whole;
        whole.setMarkdown(u"Vorher.\n\n```\nzeile 1\n\nzeile 3\n```\n\nNachher."_s);
        QCOMPARE(blockSummary(document), blockSummary(whole));
    }

    void work_isLinearInTheAnswerLength_withAndWithoutBlankLines()
    {
        // 10k tokens against 2k: the characters converted per character received stay the
        // same within 1.5x, for paragraphs and for one long list without blank lines.
        const auto ratio = [](const QString& paragraph, int tokenCount) {
            QTextDocument document;
            MarkdownStream stream(document);
            stream.setInterval(0);
            QString answer;
            while (answer.size() < tokenCount * 4)
                answer += paragraph;
            for (const QString& piece : tokens(answer, 4))
                stream.append(piece);
            stream.finish();
            return double(stream.convertedCharacters()) / double(answer.size());
        };
        for (const QString& paragraph : { u"Ein Satz über das Verwaltungsverfahren, der weitergeht. Noch einer.\n\n"_s,
                 u"- ein Punkt der Liste ohne Leerzeile dazwischen\n"_s }) {
            const double small = ratio(paragraph, 2000);
            const double large = ratio(paragraph, 10000);
            qInfo("converted per received character: %.1f at 2k tokens, %.1f at 10k", small, large);
            QVERIFY2(large <= 1.5 * small, qPrintable(u"%1 vs %2"_s.arg(large).arg(small)));
        }
    }

    void pieces_areCoalescedIntoFewRenders()
    {
        QTextDocument document;
        MarkdownStream stream(document);
        stream.setInterval(50);
        QSignalSpy rendered(&stream, &MarkdownStream::rendered);
        for (const QString& piece : tokens(kAnswer, 1))
            stream.append(piece);
        QCOMPARE(rendered.size(), 0); // nothing until the interval has passed
        QTRY_COMPARE(rendered.size(), 1);
        QVERIFY(document.toPlainText().contains(u"Wohngeld"_s));
    }
};

QTEST_MAIN(TestMarkdownStream)
#include "tst_markdownstream.moc"
