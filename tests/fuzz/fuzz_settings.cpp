// The administrator layers (policy and machine defaults, INI files read through QSettings and
// the settings table's validators) and the user's JSON settings file against arbitrary bytes.
// Policy/machine: never crash; every value taken is a known key, of the key's type, allowed in
// that layer, and already normalised (validating it again gives the same value); a key is
// either taken or reported invalid, never both. User file: a readable file's values are exactly
// its "values" object; anything else is moved aside byte for byte and leaves no values.
// Input: one selector byte (0-1: policy, 2: machine defaults, 3: user file), then the content.
#include "core/settings/settingslayer.h"
#include "core/settings/settingsschema.h"
#include "core/settings/usersettingsfile.h"
#include "fuzzcheck.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdint>

using namespace genius::settings;

namespace {

QMetaType typeOf(ValueType type)
{
    switch (type) {
    case ValueType::String:
        return QMetaType::fromType<QString>();
    case ValueType::Bool:
        return QMetaType::fromType<bool>();
    case ValueType::Int:
        return QMetaType::fromType<int>();
    case ValueType::StringList:
        return QMetaType::fromType<QStringList>();
    }
    return {};
}

void write(const QString& path, const QByteArray& content)
{
    QFile file(path);
    FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    FUZZ_CHECK(file.write(content) == content.size());
}

void checkAdminLayer(AdminLayer layer, const QString& path, const QByteArray& content)
{
    write(path, content);
    const LayerValues read = readAdminLayer(layer, path, QSettings::IniFormat);
    for (auto it = read.values.cbegin(); it != read.values.cend(); ++it) {
        const SettingDefinition* definition = findSetting(it.key());
        FUZZ_CHECK(definition != nullptr);
        FUZZ_CHECK(layer == AdminLayer::Policy || definition->scope != Scope::Policy);
        FUZZ_CHECK(it.value().metaType() == typeOf(definition->type));
        const auto again = definition->validate(it.value());
        FUZZ_CHECK(again.has_value() && *again == it.value());
        FUZZ_CHECK(!read.invalidKeys.contains(it.key()));
    }
    for (const QString& key : read.invalidKeys)
        FUZZ_CHECK(findSetting(key) != nullptr);
}

void checkUserFile(const QString& directory, const QByteArray& content)
{
    const QString path = directory + QStringLiteral("/settings.json");
    write(path, content);
    UserSettingsFile file(path);
    file.load();
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(content, &error);
    const QJsonValue values = document.object().value(QLatin1String("values"));
    if (error.error == QJsonParseError::NoError && document.isObject() && values.isObject()) {
        FUZZ_CHECK(file.values() == values.toObject());
        FUZZ_CHECK(QFile::exists(path));
    } else {
        FUZZ_CHECK(file.values().isEmpty());
        FUZZ_CHECK(file.warnings().size() == 1);
        FUZZ_CHECK(!QFile::exists(path));
        const QStringList aside = QDir(directory).entryList({QStringLiteral("settings.json.corrupt-*")}, QDir::Files);
        FUZZ_CHECK(aside.size() == 1);
        QFile kept(directory + u'/' + aside.constFirst());
        FUZZ_CHECK(kept.open(QIODevice::ReadOnly) && kept.readAll() == content);
        kept.close();
        QFile::remove(kept.fileName());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static QTemporaryDir directory;
    FUZZ_CHECK(directory.isValid());
    if (size < 1)
        return 0;
    const QByteArray content(reinterpret_cast<const char*>(data) + 1, static_cast<qsizetype>(size - 1));
    switch (data[0] % 4) {
    case 0:
    case 1:
        checkAdminLayer(AdminLayer::Policy, directory.filePath(QStringLiteral("Genius.conf")), content);
        break;
    case 2:
        checkAdminLayer(AdminLayer::Machine, directory.filePath(QStringLiteral("Genius.conf")), content);
        break;
    default:
        checkUserFile(directory.path(), content);
        break;
    }
    return 0;
}
