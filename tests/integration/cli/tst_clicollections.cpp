// genius-cli collections as a data manager's script uses them: create with a class cap, assign
// in bulk (a document above the cap is refused, the rest assigned), unassign, rename, publish,
// delete (documents stay), and the open assignments of `documents --unassigned`.
// Roles: a staff policy at the real path /etc/xdg/IT.NRW/Genius.conf (a private mount namespace
// binds a temporary directory over /etc/xdg) refuses every change with exit 4 and shows staff
// only published collections; a data-manager policy allows everything.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
};

// Runs "$@" with "$1" bound over /etc/xdg (the policy directory of genius-cli on Linux).
const QString BindXdg = u"mount --bind \"$1\" /etc/xdg && shift && exec \"$@\""_s;
const QString StaffRefusal =
    u"Only data managers may change collections; the role on this workstation is staff (set by policy)."_s;

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

/// A directory to bind over /etc/xdg whose IT.NRW/Genius.conf sets roles/role to `role`.
QString policyRoot(const QTemporaryDir& dir, const QByteArray& role)
{
    const QString root = dir.filePath(u"xdg"_s);
    if (!QDir().mkpath(root + u"/IT.NRW"_s) || !writeFile(root + u"/IT.NRW/Genius.conf"_s, "[roles]\nrole=" + role + "\n"))
        return {};
    return root;
}

/// A profile of its own for the role cases, prepared by a data manager (no policy).
struct RoleProfile {
    QTemporaryDir dir;
    QString profile;
    qint64 published = 0;   ///< the document in the published collection "Amtsblatt"
    qint64 unpublished = 0; ///< the document in the unpublished collection "Entwurf"
    QString staffRoot;      ///< /etc/xdg with a staff policy
};

} // namespace

class TestCliCollections final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_profile;
    QList<qint64> m_normal; ///< three normal documents
    qint64 m_high = 0;      ///< one document of class high

    Run run(const QStringList& arguments) { return runIn(m_profile, arguments); }

    /// genius-cli on `profile`; with `xdgRoot`, inside a private mount namespace in which
    /// `xdgRoot` is /etc/xdg, so the program reads the policy from its real, fixed path.
    Run runIn(const QString& profile, const QStringList& arguments, const QString& xdgRoot = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, m_home.path());
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        process.setProcessEnvironment(environment);
        const QStringList cli = QStringList{QStringLiteral(GENIUS_CLI_PATH), u"--profile"_s, profile} + arguments;
        if (xdgRoot.isEmpty())
            process.start(cli.first(), cli.mid(1));
        else
            process.start(u"unshare"_s, QStringList{u"-rm"_s, u"sh"_s, u"-c"_s, BindXdg, u"sh"_s, xdgRoot} + cli);
        process.closeWriteChannel();
        Run result;
        if (process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit)
            result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    qint64 import(const QString& name, const QString& text, const QString& cls)
    {
        const QString path = m_home.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0)
            return 0;
        file.close();
        const Run imported = run({u"import"_s, u"--class"_s, cls, path});
        return imported.exitCode == 0 ? imported.out.trimmed().toLongLong() : 0;
    }

    QJsonObject collection(const QString& name)
    {
        for (const QJsonValue& value : run({u"--json"_s, u"collections"_s, u"list"_s}).json().array()) {
            if (value[u"name"_s].toString() == name)
                return value.toObject();
        }
        return {};
    }

    QList<qint64> unassigned()
    {
        QList<qint64> ids;
        for (const QJsonValue& value : run({u"--json"_s, u"documents"_s, u"--unassigned"_s}).json().array())
            ids.append(value[u"id"_s].toInteger());
        return ids;
    }

    bool m_namespaces = false; ///< `unshare -rm` with a bind mount works here

    qint64 importInto(const QString& profile, const QString& name, const QString& text, const QString& xdgRoot = {})
    {
        const QString path = QFileInfo(profile).absolutePath() + u'/' + name;
        if (!writeFile(path, text.toUtf8()))
            return 0;
        const Run imported = runIn(profile, {u"import"_s, path}, xdgRoot);
        return imported.exitCode == 0 ? imported.out.trimmed().toLongLong() : 0;
    }

    /// Two documents, the published collection "Amtsblatt" and the unpublished "Entwurf".
    bool prepare(RoleProfile& fixture)
    {
        if (!fixture.dir.isValid())
            return false;
        fixture.profile = fixture.dir.filePath(u"profile"_s);
        fixture.staffRoot = policyRoot(fixture.dir, "staff");
        fixture.published = importInto(fixture.profile, u"gebuehren.txt"_s, u"Gebührensatzung der Gemeinde für Abfall."_s);
        fixture.unpublished = importInto(fixture.profile, u"entwurf.txt"_s, u"Entwurf einer Satzung über Straßenreinigung."_s);
        const QList<QStringList> steps = {
            {u"collections"_s, u"create"_s, u"Amtsblatt"_s},
            {u"collections"_s, u"assign"_s, QString::number(fixture.published), u"Amtsblatt"_s},
            {u"collections"_s, u"publish"_s, u"Amtsblatt"_s},
            {u"collections"_s, u"create"_s, u"Entwurf"_s},
            {u"collections"_s, u"assign"_s, QString::number(fixture.unpublished), u"Entwurf"_s},
        };
        for (const QStringList& step : steps) {
            if (runIn(fixture.profile, step).exitCode != 0)
                return false;
        }
        return fixture.published > 0 && fixture.unpublished > 0 && !fixture.staffRoot.isEmpty();
    }

    /// What a data manager sees: every collection and every document.
    QByteArray state(const QString& profile)
    {
        return runIn(profile, {u"--json"_s, u"collections"_s, u"list"_s}).out.toUtf8()
             + runIn(profile, {u"--json"_s, u"documents"_s}).out.toUtf8();
    }

    QStringList collectionNames(const Run& listed)
    {
        QStringList names;
        for (const QJsonValue& value : listed.json().array())
            names << value[u"name"_s].toString();
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QTemporaryDir probe;
        m_namespaces = probe.isValid()
                    && QProcess::execute(u"unshare"_s,
                                         {u"-rm"_s, u"sh"_s, u"-c"_s, BindXdg, u"sh"_s, probe.path(), u"true"_s}) == 0;
        m_profile = m_home.filePath(u"profile"_s);
        for (int i = 1; i <= 3; ++i) {
            const qint64 id = import(u"satzung-%1.txt"_s.arg(i), u"Satzung Nummer %1 der Gemeinde über Gebühren."_s.arg(i), u"normal"_s);
            QVERIFY(id > 0);
            m_normal.append(id);
        }
        m_high = import(u"personal.txt"_s, u"Personalakte mit Beurteilung."_s, u"high"_s);
        QVERIFY(m_high > 0);
    }

    void create_listsTheCollectionWithItsCap()
    {
        const Run created = run({u"--json"_s, u"collections"_s, u"create"_s, u"Satzungen"_s, u"--description"_s,
                                 u"Ortsrecht der Gemeinde"_s, u"--tenant"_s, u"Gemeinde Musterdorf"_s});
        QCOMPARE(created.exitCode, 0);
        QCOMPARE(created.json().object()[u"class"_s].toString(), u"normal"_s); // the default cap
        QCOMPARE(created.json().object()[u"description"_s].toString(), u"Ortsrecht der Gemeinde"_s);
        const QJsonObject listed = collection(u"Satzungen"_s);
        QCOMPARE(listed[u"tenant"_s].toString(), u"Gemeinde Musterdorf"_s);
        QCOMPARE(run({u"collections"_s, u"rename"_s, u"Satzungen"_s, u"X"_s, u"--tenant"_s, u"Y"_s}).exitCode, 1);
        QCOMPARE(listed[u"documents"_s].toInt(), 0);
        QCOMPARE(listed[u"published"_s].toBool(), false);
        QCOMPARE(run({u"collections"_s, u"create"_s, u"Satzungen"_s}).exitCode, 2); // exists
        QCOMPARE(run({u"collections"_s, u"create"_s, u"X"_s, u"--class"_s, u"secret"_s}).exitCode, 1);
        QCOMPARE(run({u"collections"_s, u"frobnicate"_s}).exitCode, 1);
        QCOMPARE(run({u"collections"_s, u"assign"_s, u"1"_s}).exitCode, 1);
    }

    void assignInBulk_refusesTheDocumentAboveTheCapAndAssignsTheRest()
    {
        QVERIFY(unassigned().contains(m_high));
        const QString batch = u"%1,%2,%3,%4"_s.arg(m_normal.at(0)).arg(m_high).arg(m_normal.at(1)).arg(m_normal.at(2));
        const Run assigned = run({u"--json"_s, u"collections"_s, u"assign"_s, batch, u"Satzungen"_s});
        QCOMPARE(assigned.exitCode, 3); // refused by the class cap
        QVERIFY(assigned.err.contains(u"above the class normal"_s));
        const QJsonArray results = assigned.json().array();
        QCOMPARE(results.size(), 4);
        QCOMPARE(results.at(1)[u"assigned"_s].toBool(), false);
        QCOMPARE(results.at(0)[u"assigned"_s].toBool(), true);
        QCOMPARE(collection(u"Satzungen"_s)[u"documents"_s].toInt(), 3);
        QCOMPARE(unassigned(), QList<qint64>{m_high});
        QCOMPARE(run({u"collections"_s, u"assign"_s, u"999"_s, u"Satzungen"_s}).exitCode, 2);
        QCOMPARE(run({u"collections"_s, u"assign"_s, QString::number(m_high), u"Unbekannt"_s}).exitCode, 2);
        // A collection capped at high takes it.
        QCOMPARE(run({u"collections"_s, u"create"_s, u"Personal"_s, u"--class"_s, u"high"_s}).exitCode, 0);
        QCOMPARE(run({u"collections"_s, u"assign"_s, QString::number(m_high), u"Personal"_s}).exitCode, 0);
        QVERIFY(unassigned().isEmpty());
    }

    void unassign_renamePublish_andDeleteKeepTheDocuments()
    {
        const Run out = run({u"collections"_s, u"unassign"_s, QString::number(m_normal.at(2)), u"Satzungen"_s});
        QCOMPARE(out.exitCode, 0);
        QCOMPARE(unassigned(), QList<qint64>{m_normal.at(2)});
        const Run again = run({u"--json"_s, u"collections"_s, u"unassign"_s, QString::number(m_normal.at(2)), u"Satzungen"_s});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.json().array().first()[u"unassigned"_s].toBool(), false);

        QCOMPARE(run({u"collections"_s, u"rename"_s, u"Satzungen"_s, u"Ortsrecht"_s}).exitCode, 0);
        QVERIFY(collection(u"Satzungen"_s).isEmpty());
        QCOMPARE(collection(u"Ortsrecht"_s)[u"documents"_s].toInt(), 2);
        QCOMPARE(run({u"collections"_s, u"rename"_s, u"Ortsrecht"_s, u"Personal"_s}).exitCode, 2); // taken

        const Run described = run({u"--json"_s, u"collections"_s, u"describe"_s, u"Ortsrecht"_s, u"  Satzungen der Stadt "_s});
        QCOMPARE(described.exitCode, 0);
        QCOMPARE(described.json().object()[u"description"_s].toString(), u"Satzungen der Stadt"_s);
        QCOMPARE(collection(u"Ortsrecht"_s)[u"description"_s].toString(), u"Satzungen der Stadt"_s);
        QCOMPARE(run({u"collections"_s, u"describe"_s, u"Ortsrecht"_s, u""_s}).exitCode, 0);
        QCOMPARE(collection(u"Ortsrecht"_s)[u"description"_s].toString(), QString());
        QCOMPARE(run({u"collections"_s, u"describe"_s, u"Nirgends"_s, u"x"_s}).exitCode, 2);
        QCOMPARE(run({u"collections"_s, u"describe"_s, u"Ortsrecht"_s}).exitCode, 1);

        QCOMPARE(run({u"collections"_s, u"publish"_s, u"Ortsrecht"_s}).exitCode, 0);
        QCOMPARE(collection(u"Ortsrecht"_s)[u"published"_s].toBool(), true);
        QCOMPARE(run({u"collections"_s, u"unpublish"_s, u"Ortsrecht"_s}).exitCode, 0);
        QCOMPARE(collection(u"Ortsrecht"_s)[u"published"_s].toBool(), false);

        const Run deleted = run({u"collections"_s, u"delete"_s, u"Ortsrecht"_s});
        QCOMPARE(deleted.exitCode, 0);
        QVERIFY(collection(u"Ortsrecht"_s).isEmpty());
        const QList<qint64> open = unassigned();
        for (const qint64 id : m_normal)
            QVERIFY2(open.contains(id), "a deleted collection's documents stay, now unassigned");
        QCOMPARE(run({u"collections"_s, u"delete"_s, u"Ortsrecht"_s}).exitCode, 2);
    }

    void staffPolicy_refusesEveryChangeWithExit4_andChangesNothing()
    {
        if (!m_namespaces)
            QSKIP("unshare -rm with a bind mount over /etc/xdg is not available (no unprivileged user namespaces)");
        RoleProfile fixture;
        QVERIFY(prepare(fixture));
        const QByteArray before = state(fixture.profile);
        QVERIFY(before.contains("Entwurf"));
        const QString published = QString::number(fixture.published);
        const QString unpublished = QString::number(fixture.unpublished);
        const QList<QStringList> changes = {
            {u"collections"_s, u"create"_s, u"Neu"_s},
            {u"collections"_s, u"create"_s, u"Neu"_s, u"--class"_s, u"high"_s, u"--description"_s, u"x"_s},
            {u"collections"_s, u"assign"_s, published, u"Entwurf"_s},
            {u"collections"_s, u"unassign"_s, published, u"Amtsblatt"_s},
            {u"collections"_s, u"delete"_s, u"Entwurf"_s},
            {u"collections"_s, u"rename"_s, u"Amtsblatt"_s, u"Umbenannt"_s},
            {u"collections"_s, u"describe"_s, u"Amtsblatt"_s, u"Neu beschrieben"_s},
            {u"collections"_s, u"publish"_s, u"Entwurf"_s},
            {u"collections"_s, u"unpublish"_s, u"Amtsblatt"_s},
            {u"--json"_s, u"collections"_s, u"delete"_s, u"Amtsblatt"_s},
        };
        for (const QStringList& change : changes) {
            const Run refused = runIn(fixture.profile, change, fixture.staffRoot);
            QVERIFY2(refused.exitCode == 4, qPrintable(change.join(u' ') + u": "_s + refused.err));
            QCOMPARE(refused.err.trimmed(), u"genius-cli: "_s + StaffRefusal);
            QVERIFY(refused.out.isEmpty());
        }
        // import --collection is refused as a whole, before any file is read: even a missing one.
        const QString file = fixture.dir.filePath(u"neu.txt"_s);
        QVERIFY(writeFile(file, "Neue Verordnung über Hundesteuer."));
        for (const QString& path : {file, fixture.dir.filePath(u"gibt-es-nicht.txt"_s)}) {
            const Run refused =
                runIn(fixture.profile, {u"import"_s, u"--collection"_s, u"Amtsblatt"_s, path}, fixture.staffRoot);
            QCOMPARE(refused.exitCode, 4);
            QVERIFY2(refused.err.contains(u"Only data managers may import into a collection; the role on this "
                                          u"workstation is staff (set by policy)."_s),
                     qPrintable(refused.err));
        }
        QCOMPARE(state(fixture.profile), before); // checked as a data manager, without the policy
    }

    void staffPolicy_listsOnlyPublishedCollections()
    {
        if (!m_namespaces)
            QSKIP("unshare -rm with a bind mount over /etc/xdg is not available (no unprivileged user namespaces)");
        RoleProfile fixture;
        QVERIFY(prepare(fixture));
        const Run listed = runIn(fixture.profile, {u"--json"_s, u"collections"_s, u"list"_s}, fixture.staffRoot);
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(collectionNames(listed), QStringList{u"Amtsblatt"_s});
        const Run text = runIn(fixture.profile, {u"collections"_s}, fixture.staffRoot);
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(u"Amtsblatt"_s));
        QVERIFY(!text.out.contains(u"Entwurf"_s));
        // Without the policy (the local profile) the same user manages both.
        QCOMPARE(collectionNames(runIn(fixture.profile, {u"--json"_s, u"collections"_s, u"list"_s})),
                 (QStringList{u"Amtsblatt"_s, u"Entwurf"_s}));
    }

    void staffPolicy_researchOfAnUnpublishedCollection_isRefused()
    {
        if (!m_namespaces)
            QSKIP("unshare -rm with a bind mount over /etc/xdg is not available (no unprivileged user namespaces)");
        RoleProfile fixture;
        QVERIFY(prepare(fixture));
        const Run refused = runIn(fixture.profile, {u"research"_s, u"--collection"_s, u"Entwurf"_s, u"Straßenreinigung?"_s},
                                  fixture.staffRoot);
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.contains(u"Only data managers may research the unpublished collection \"Entwurf\""_s),
                 qPrintable(refused.err));
        QVERIFY(refused.out.isEmpty());
        // A published collection answers staff (locally here: no gateway is configured).
        const Run answered = runIn(fixture.profile, {u"--json"_s, u"research"_s, u"--collection"_s, u"Amtsblatt"_s,
                                                     u"Gebührensatzung Abfall"_s},
                                   fixture.staffRoot);
        QCOMPARE(answered.exitCode, 0);
        QCOMPARE(answered.json().object()[u"sources"_s].toArray().first()[u"document"_s].toInteger(), fixture.published);
    }

    void staffPolicy_documentsAndSearchOfAnUnpublishedCollection_areRefused()
    {
        if (!m_namespaces)
            QSKIP("unshare -rm with a bind mount over /etc/xdg is not available (no unprivileged user namespaces)");
        RoleProfile fixture;
        QVERIFY(prepare(fixture));
        const Run listed = runIn(fixture.profile, {u"documents"_s, u"--collection"_s, u"Entwurf"_s}, fixture.staffRoot);
        QCOMPARE(listed.exitCode, 4);
        QVERIFY2(listed.err.contains(u"Only data managers may list the documents of the unpublished collection \"Entwurf\""_s),
                 qPrintable(listed.err));
        QVERIFY(listed.out.isEmpty());
        const Run searched = runIn(fixture.profile, {u"search"_s, u"--collection"_s, u"Entwurf"_s, u"Straßenreinigung"_s},
                                   fixture.staffRoot);
        QCOMPARE(searched.exitCode, 4);
        QVERIFY2(searched.err.contains(u"Only data managers may search the unpublished collection \"Entwurf\""_s),
                 qPrintable(searched.err));
        QVERIFY(searched.out.isEmpty());
        // The published collection is open to staff, and a data manager sees the unpublished one.
        const Run published = runIn(fixture.profile, {u"--json"_s, u"documents"_s, u"--collection"_s, u"Amtsblatt"_s},
                                    fixture.staffRoot);
        QCOMPARE(published.exitCode, 0);
        QCOMPARE(published.json().array().first()[u"id"_s].toInteger(), fixture.published);
        const Run found = runIn(fixture.profile, {u"--json"_s, u"search"_s, u"--collection"_s, u"Amtsblatt"_s, u"Abfall"_s},
                                fixture.staffRoot);
        QCOMPARE(found.exitCode, 0);
        QCOMPARE(runIn(fixture.profile, {u"documents"_s, u"--collection"_s, u"Entwurf"_s}).exitCode, 0);
    }

    void settingsGetRole_saysTheEffectiveRoleAndWhereItComesFrom()
    {
        if (!m_namespaces)
            QSKIP("unshare -rm with a bind mount over /etc/xdg is not available (no unprivileged user namespaces)");
        RoleProfile fixture;
        QVERIFY(prepare(fixture));
        // Without policy the table's default stands in "value"; the user manages the own profile.
        const QJsonObject local = runIn(fixture.profile, {u"--json"_s, u"settings"_s, u"get"_s, u"roles/role"_s}).json().object();
        QCOMPARE(local[u"effective"_s].toString(), u"data-manager"_s);
        QCOMPARE(local[u"effective_source"_s].toString(), u"local-profile"_s);
        const QJsonObject staff
            = runIn(fixture.profile, {u"--json"_s, u"settings"_s, u"get"_s, u"roles/role"_s}, fixture.staffRoot).json().object();
        QCOMPARE(staff[u"value"_s].toString(), u"staff"_s);
        QCOMPARE(staff[u"effective"_s].toString(), u"staff"_s);
        QCOMPARE(staff[u"effective_source"_s].toString(), u"policy"_s);
        // Other keys carry no such field.
        const QJsonObject url = runIn(fixture.profile, {u"--json"_s, u"settings"_s, u"get"_s, u"gateway/url"_s}).json().object();
        QVERIFY(!url.contains(u"effective"_s));
    }

    void staffPolicy_plainImportWorks()
    {
        if (!m_namespaces)
            QSKIP("unshare -rm with a bind mount over /etc/xdg is not available (no unprivileged user namespaces)");
        RoleProfile fixture;
        QVERIFY(prepare(fixture));
        const qint64 id =
            importInto(fixture.profile, u"eigenes.txt"_s, u"Mein eigener Vermerk zur Sitzung."_s, fixture.staffRoot);
        QVERIFY(id > 0);
        QList<qint64> open;
        const Run listed = runIn(fixture.profile, {u"--json"_s, u"documents"_s, u"--unassigned"_s});
        for (const QJsonValue& value : listed.json().array())
            open << value[u"id"_s].toInteger();
        QCOMPARE(open, QList<qint64>{id});
    }

    void dataManagerPolicy_allowsChanges_andShowsEverything()
    {
        if (!m_namespaces)
            QSKIP("unshare -rm with a bind mount over /etc/xdg is not available (no unprivileged user namespaces)");
        RoleProfile fixture;
        QVERIFY(prepare(fixture));
        const QString root = policyRoot(fixture.dir, "data-manager");
        QVERIFY(!root.isEmpty());
        QCOMPARE(collectionNames(runIn(fixture.profile, {u"--json"_s, u"collections"_s, u"list"_s}, root)),
                 (QStringList{u"Amtsblatt"_s, u"Entwurf"_s}));
        QCOMPARE(runIn(fixture.profile, {u"collections"_s, u"publish"_s, u"Entwurf"_s}, root).exitCode, 0);
        QCOMPARE(runIn(fixture.profile, {u"collections"_s, u"create"_s, u"Neu"_s}, root).exitCode, 0);
        const qint64 id = [&] {
            const QString file = fixture.dir.filePath(u"neu.txt"_s);
            return writeFile(file, "Neue Verordnung über Hundesteuer.")
                     ? runIn(fixture.profile, {u"import"_s, u"--collection"_s, u"Neu"_s, file}, root).out.trimmed().toLongLong()
                     : 0;
        }();
        QVERIFY(id > 0);
        const Run listed = runIn(fixture.profile, {u"--json"_s, u"collections"_s, u"list"_s});
        for (const QJsonValue& value : listed.json().array()) {
            if (value[u"name"_s].toString() == u"Entwurf"_s)
                QCOMPARE(value[u"published"_s].toBool(), true);
            if (value[u"name"_s].toString() == u"Neu"_s)
                QCOMPARE(value[u"documents"_s].toInt(), 1);
        }
        QCOMPARE(collectionNames(listed), (QStringList{u"Amtsblatt"_s, u"Entwurf"_s, u"Neu"_s}));
    }
};

QTEST_GUILESS_MAIN(TestCliCollections)
#include "tst_clicollections.moc"
