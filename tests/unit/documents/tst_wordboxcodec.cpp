#include "core/documents/pagetext.h"

#include <QTest>
#include <QtEndian>

#include <cstring>
#include <limits>

using genius::documents::decodeWordBoxes;
using genius::documents::encodeWordBoxes;
using genius::documents::WordBox;

namespace {

QList<WordBox> sampleWords(int count)
{
    QList<WordBox> words;
    for (int i = 0; i < count; ++i) {
        // Quarter points are exact in float32, so the round trip can be compared exactly.
        words.append(WordBox {
            QRectF(72.0 + (i % 40) * 11.25, 70.5 + (i / 40) * 13.75, 10.0 + (i % 7) * 0.25, 10.5), i * 7, 1 + i % 12 });
    }
    return words;
}

} // namespace

class TestWordBoxCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_keepsBoxesOffsetsAndLengths()
    {
        const QList<WordBox> words = sampleWords(1000);
        const QList<WordBox> decoded = decodeWordBoxes(encodeWordBoxes(words));
        QCOMPARE(decoded.size(), words.size());
        for (qsizetype i = 0; i < words.size(); ++i) {
            QCOMPARE(decoded[i].box, words[i].box);
            QCOMPARE(decoded[i].offset, words[i].offset);
            QCOMPARE(decoded[i].length, words[i].length);
        }
    }

    void encoding_isCompactAndVersioned()
    {
        const QByteArray data = encodeWordBoxes(sampleWords(10));
        QCOMPARE(data.size(), 6 + 10 * 22);
        QCOMPARE(data.at(0), 'W');
        QCOMPARE(data.at(1), char(1));
        QCOMPARE(qFromLittleEndian<quint32>(data.constData() + 2), 10U);
    }

    void emptyList_roundTrips()
    {
        const QByteArray data = encodeWordBoxes({});
        QCOMPARE(data.size(), 6);
        QVERIFY(decodeWordBoxes(data).isEmpty());
    }

    void fractionalBox_keepsFloatPrecision()
    {
        const QList<WordBox> words { WordBox { QRectF(100.123, 200.456, 30.789, 11.2), 5, 4 } };
        const QList<WordBox> decoded = decodeWordBoxes(encodeWordBoxes(words));
        QCOMPARE(decoded.size(), 1);
        QVERIFY(qAbs(decoded[0].box.x() - 100.123) < 1e-4);
        QVERIFY(qAbs(decoded[0].box.height() - 11.2) < 1e-4);
    }

    void garbage_decodesToEmptyList_data()
    {
        QTest::addColumn<QByteArray>("data");
        const QByteArray valid = encodeWordBoxes(sampleWords(3));
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("hello world, this is not a word box list");
        QTest::newRow("truncated") << valid.left(valid.size() - 1);
        QTest::newRow("trailing byte") << valid + QByteArray(1, '\0');
        QByteArray wrongMagic = valid;
        wrongMagic[0] = 'X';
        QTest::newRow("wrong magic") << wrongMagic;
        QByteArray futureVersion = valid;
        futureVersion[1] = 2;
        QTest::newRow("unknown version") << futureVersion;
        QByteArray hugeCount = valid;
        qToLittleEndian<quint32>(0xFFFFFFFFU, hugeCount.data() + 2);
        QTest::newRow("count beyond data") << hugeCount;
        QByteArray notANumber = valid;
        const float nan = std::numeric_limits<float>::quiet_NaN();
        std::memcpy(notANumber.data() + 6, &nan, sizeof nan);
        QTest::newRow("NaN coordinate") << notANumber;
        QByteArray negativeOffset = valid;
        qToLittleEndian<qint32>(-5, negativeOffset.data() + 6 + 16);
        QTest::newRow("negative offset") << negativeOffset;
    }

    void garbage_decodesToEmptyList()
    {
        QFETCH(QByteArray, data);
        QVERIFY(decodeWordBoxes(data).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWordBoxCodec)
#include "tst_wordboxcodec.moc"
