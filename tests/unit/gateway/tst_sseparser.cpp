#include "core/gateway/protocol/sseparser.h"

#include <QTest>

using namespace genius::gateway;

namespace {

QList<SseEvent> parseAll(const QList<QByteArray>& pieces, bool* partialLine = nullptr)
{
    SseParser parser;
    for (const QByteArray& piece : pieces)
        parser.feed(piece);
    const bool partial = parser.finish();
    if (partialLine)
        *partialLine = partial;
    return parser.takeEvents();
}

QList<QByteArray> dataOf(const QList<SseEvent>& events)
{
    QList<QByteArray> data;
    for (const SseEvent& event : events)
        data << event.data;
    return data;
}

QList<QByteArray> bytewise(const QByteArray& bytes)
{
    QList<QByteArray> pieces;
    for (char byte : bytes)
        pieces << QByteArray(1, byte);
    return pieces;
}

} // namespace

class TestSseParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineEndings_lfCrlfCrAndMixedGiveSameEvents_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("lf") << QByteArray("data: a\ndata: b\n\ndata: c\n\n");
        QTest::newRow("crlf") << QByteArray("data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n");
        QTest::newRow("cr") << QByteArray("data: a\rdata: b\r\rdata: c\r\r");
        QTest::newRow("mixed") << QByteArray("data: a\r\ndata: b\r\n\rdata: c\n\r\n");
    }

    void lineEndings_lfCrlfCrAndMixedGiveSameEvents()
    {
        QFETCH(QByteArray, bytes);
        const QList<QByteArray> expected{"a\nb", "c"};
        QCOMPARE(dataOf(parseAll({bytes})), expected);
        QCOMPARE(dataOf(parseAll(bytewise(bytes))), expected);
        for (qsizetype at = 1; at < bytes.size(); ++at)
            QCOMPARE(dataOf(parseAll({bytes.left(at), bytes.mid(at)})), expected);
    }

    void crlfSplitAcrossFeeds_isOneLineBreakNotABlankLine()
    {
        SseParser parser;
        parser.feed("data: a\r");
        parser.feed("\ndata: b\r");
        parser.feed("\n");
        QCOMPARE(parser.takeEvents().size(), 0); // an LF after a split CR is no blank line
        parser.feed("\r");
        QCOMPARE(dataOf(parser.takeEvents()), QList<QByteArray>{"a\nb"});
        parser.feed("\n"); // completes the CRLF of the blank line: no second blank line
        parser.feed("data: c\r");
        parser.feed("\ndata: d\n\n");
        QCOMPARE(dataOf(parser.takeEvents()), QList<QByteArray>{"c\nd"});
        QCOMPARE(parser.finish(), false);
        QCOMPARE(parser.takeEvents().size(), 0);
    }

    void crFollowedByCrInNextFeed_isABlankLine()
    {
        SseParser parser;
        parser.feed("data: a\r");
        parser.feed("\r");
        QCOMPARE(dataOf(parser.takeEvents()), QList<QByteArray>{"a"});
    }

    void fieldValue_stripsExactlyOneLeadingSpace()
    {
        const QList<SseEvent> events = parseAll({"data:x\n\ndata: x\n\ndata:  x\n\ndata:x \n\n"});
        QCOMPARE(dataOf(events), (QList<QByteArray>{"x", "x", " x", "x "}));
    }

    void emptyDataLine_dispatchesEventWithEmptyData()
    {
        QCOMPARE(dataOf(parseAll({"data:\n\n"})), QList<QByteArray>{QByteArray()});
        QCOMPARE(dataOf(parseAll({"data\n\n"})), QList<QByteArray>{QByteArray()}); // no colon: empty value
        QCOMPARE(dataOf(parseAll({"data:\ndata:\n\n"})), QList<QByteArray>{QByteArray("\n")});
    }

    void fields_eventIdKeptRetryIgnoredUnknownKept()
    {
        const QList<SseEvent> events =
            parseAll({"event: error\nid: 7\nretry: 1000\ndata: {}\n\nerror: {\"code\":500}\nfoo\n\n"});
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).event, QStringLiteral("error"));
        QCOMPARE(events.at(0).id, QStringLiteral("7"));
        QCOMPARE(events.at(0).data, QByteArray("{}"));
        QVERIFY(events.at(0).otherFields.isEmpty());
        QCOMPARE(events.at(1).otherFields.size(), 2);
        QCOMPARE(events.at(1).otherFields.at(0).first, QStringLiteral("error"));
        QCOMPARE(events.at(1).otherFields.at(0).second, QByteArray("{\"code\":500}"));
        QCOMPARE(events.at(1).otherFields.at(1).first, QStringLiteral("foo"));
        QVERIFY(events.at(1).otherFields.at(1).second.isEmpty());
        QVERIFY(events.at(1).id.isEmpty()); // ids are not inherited
    }

    void blockWithoutDataOrUnknownField_isNotDispatched()
    {
        QCOMPARE(parseAll({"event: ping\n\nid: 3\n\nretry: 5\n\n"}).size(), 0);
    }

    void bom_ignoredOnceAtStartEvenWhenSplit()
    {
        const QByteArray bytes("\xEF\xBB\xBF" "data: a\n\n");
        QCOMPARE(dataOf(parseAll(bytewise(bytes))), QList<QByteArray>{"a"});
        QCOMPARE(dataOf(parseAll({bytes})), QList<QByteArray>{"a"});
        // A second BOM is part of the next line: "\uFEFFdata" is an unknown field, not data.
        const QList<SseEvent> events = parseAll({"\xEF\xBB\xBF\xEF\xBB\xBF" "data: a\n\n"});
        QCOMPARE(events.size(), 1);
        QVERIFY(events.at(0).data.isEmpty());
        QCOMPARE(events.at(0).otherFields.size(), 1);
        QCOMPARE(events.at(0).otherFields.at(0).second, QByteArray("a"));
    }

    void finish_processesUnterminatedLineAndReportsIt()
    {
        bool partial = false;
        QCOMPARE(dataOf(parseAll({"data: x\n\ndata: [DONE]"}, &partial)), (QList<QByteArray>{"x", "[DONE]"}));
        QVERIFY(partial);
        QCOMPARE(dataOf(parseAll({"data: [DONE]\n"}, &partial)), QList<QByteArray>{"[DONE]"});
        QVERIFY(!partial); // a whole line without its blank line is not a cut
        QCOMPARE(dataOf(parseAll({"data: {\"a\":1}\n\n"}, &partial)), QList<QByteArray>{"{\"a\":1}"});
        QVERIFY(!partial);
        QCOMPARE(parseAll({}, &partial).size(), 0);
        QVERIFY(!partial);
        QCOMPARE(dataOf(parseAll({"data: {\"a\":\n\ndata: {\"cho"}, &partial)),
                 (QList<QByteArray>{"{\"a\":", "{\"cho"}));
        QVERIFY(partial);
    }

    void hasPendingData_trueOnlyInsideAnEvent()
    {
        SseParser parser;
        QVERIFY(!parser.hasPendingData());
        parser.feed("data: a");
        QVERIFY(parser.hasPendingData());
        parser.feed("\n");
        QVERIFY(parser.hasPendingData());
        parser.feed("\n");
        QVERIFY(!parser.hasPendingData());
        parser.feed(": ping\n");
        QVERIFY(!parser.hasPendingData());
    }

    void comments_countedIncludingBareColonAndSplitAcrossReads()
    {
        SseParser parser;
        parser.feed(": hello\n\n:\n: pi");
        QCOMPARE(parser.takeCommentCount(), 2);
        parser.feed("ng\r");
        QCOMPARE(parser.takeCommentCount(), 1);
        parser.feed("\n:keep-alive\r\ndata: x\n: inside an event\n\n");
        QCOMPARE(parser.takeCommentCount(), 2);
        QCOMPARE(parser.takeCommentCount(), 0); // taking clears the count
        parser.feed(":");
        QCOMPARE(parser.takeCommentCount(), 0); // not a line yet
        parser.finish();
        QCOMPARE(parser.takeCommentCount(), 1);
        QCOMPARE(dataOf(parser.takeEvents()), QList<QByteArray>{"x"});
    }

    void largeEvent_overOneMegabyte_linearScanAndBoundedBuffer()
    {
        const QByteArray value(1536 * 1024, 'a');
        const QByteArray bytes = "data: " + value + "\n\ndata: next\n\n";
        SseParser parser;
        qsizetype peakCapacity = 0;
        for (qsizetype at = 0; at < bytes.size(); at += 7) { // small reads are the worst case
            parser.feed(QByteArrayView(bytes).sliced(at, std::min<qsizetype>(7, bytes.size() - at)));
            peakCapacity = std::max(peakCapacity, parser.bufferedCapacity());
        }
        QVERIFY(!parser.finish());
        const QList<SseEvent> events = parser.takeEvents();
        QCOMPARE(events.size(), 2);
        QVERIFY(events.at(0).data == value);
        QCOMPARE(events.at(1).data, QByteArray("next"));
        QCOMPARE(parser.scannedBytes(), bytes.size()); // every byte examined exactly once
        qInfo("1.5 MB event in 7-byte reads: peak buffer capacity %lld bytes (%.2fx the event)",
              qint64(peakCapacity), double(peakCapacity) / double(value.size()));
        QVERIFY2(peakCapacity < 2 * value.size() + 4096, qPrintable(QString::number(peakCapacity)));
        QVERIFY(parser.bufferedCapacity() < 64 * 1024); // released after the event
    }

    void manyEvents_tenThousand_linearScanAndSmallBuffer()
    {
        QByteArray bytes;
        for (int i = 0; i < 10000; ++i)
            bytes += "data: {\"n\":" + QByteArray::number(i) + "}\n\n";
        SseParser parser;
        qsizetype peakCapacity = 0;
        QList<SseEvent> events;
        for (qsizetype at = 0; at < bytes.size(); at += 1000) {
            parser.feed(QByteArrayView(bytes).sliced(at, std::min<qsizetype>(1000, bytes.size() - at)));
            peakCapacity = std::max(peakCapacity, parser.bufferedCapacity());
            events += parser.takeEvents();
        }
        parser.finish();
        events += parser.takeEvents();
        QCOMPARE(events.size(), 10000);
        QCOMPARE(events.at(9999).data, QByteArray("{\"n\":9999}"));
        QCOMPARE(parser.scannedBytes(), bytes.size());
        qInfo("10,000 events (%lld bytes) in 1000-byte reads: peak buffer capacity %lld bytes",
              qint64(bytes.size()), qint64(peakCapacity));
        QVERIFY2(peakCapacity < 8 * 1024, qPrintable(QString::number(peakCapacity)));
    }

    void overflow_reportedAndParsingRecoversAtNextEvent_data()
    {
        QTest::addColumn<QList<QByteArray>>("pieces");
        const QByteArray big(500, 'x');
        const QByteArray bytes = "data: a\n\ndata: " + big + "\ndata: more\n\ndata: b\n\n";
        QTest::newRow("whole") << QList<QByteArray>{bytes};
        QTest::newRow("bytewise") << bytewise(bytes);
        QByteArray manyLines = "data: a\n\n";
        for (int i = 0; i < 40; ++i)
            manyLines += "data: 0123456789\n";
        QTest::newRow("many small lines") << QList<QByteArray>{manyLines + "\ndata: b\n\n"};
        QTest::newRow("blank line split from the big line") << QList<QByteArray>{"data: a\n\ndata: " + big, "\n",
                                                                                 "\ndata: b\n\n"};
    }

    void overflow_reportedAndParsingRecoversAtNextEvent()
    {
        QFETCH(QList<QByteArray>, pieces);
        SseParser parser(100);
        qsizetype peakCapacity = 0;
        for (const QByteArray& piece : std::as_const(pieces)) {
            parser.feed(piece);
            peakCapacity = std::max(peakCapacity, parser.bufferedCapacity());
        }
        QVERIFY(!parser.finish());
        QVERIFY(parser.overflowed());
        QCOMPARE(dataOf(parser.takeEvents()), (QList<QByteArray>{"a", "b"}));
        if (pieces.size() > 3) // fed in small reads, the dropped event never grew the buffer
            QVERIFY2(peakCapacity < 1024, qPrintable(QString::number(peakCapacity)));
    }

    void noOverflow_withinLimit()
    {
        SseParser parser(100);
        parser.feed(QByteArray("data: " + QByteArray(90, 'x') + "\n\n"));
        parser.finish();
        QVERIFY(!parser.overflowed());
        QCOMPARE(parser.takeEvents().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
