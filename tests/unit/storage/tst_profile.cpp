#include "core/storage/profile.h"

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using genius::storage::Profile;

class TestProfile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void missingFolder_isCreatedOwnerOnly()
    {
        QTemporaryDir root;
        const QString path = root.filePath(QStringLiteral("a/b/profile"));
        auto profile = Profile::open(path);
        QVERIFY(profile.has_value());
        QCOMPARE(profile->directory(), path);
        QVERIFY(QFileInfo(path).isDir());
        const auto permissions = QFileInfo(path).permissions();
        QVERIFY(permissions.testFlag(QFileDevice::ReadOwner));
        QVERIFY(!permissions.testFlag(QFileDevice::ReadOther));
        QVERIFY(!permissions.testFlag(QFileDevice::ReadGroup));
        QCOMPARE(profile->filePath(QStringLiteral("settings.json")), path + QStringLiteral("/settings.json"));
    }

    void pathIsAFile_isBadInput()
    {
        QTemporaryDir root;
        const QString path = root.filePath(QStringLiteral("file"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        auto profile = Profile::open(path);
        QVERIFY(!profile.has_value());
        QCOMPARE(profile.error().code, genius::common::ErrorCode::InvalidArgument);
    }

    void emptyPath_usesTheDefaultLocation()
    {
        auto profile = Profile::open(QString());
        QVERIFY(profile.has_value());
        QCOMPARE(profile->directory(), Profile::defaultDirectory());
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
