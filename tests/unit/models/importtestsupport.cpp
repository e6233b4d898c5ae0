#include "unit/models/importtestsupport.h"

#include <QFile>
#include <QSignalSpy>

namespace genius::test {

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray lawText(const QByteArray& title, int paragraphs)
{
    QByteArray text = "# " + title + "\n\n";
    for (int i = 1; i <= paragraphs; ++i) {
        text += "## § " + QByteArray::number(i)
            + " Regelung\n\nDie Behörde entscheidet über den Antrag nach pflichtgemäßem Ermessen. "
              "Der Verwaltungsakt ist schriftlich zu begründen.\n\n";
    }
    return text;
}

bool waitUntilIdle(import::ImportQueue& queue, int timeoutMs)
{
    if (queue.isIdle())
        return true;
    QSignalSpy idle(&queue, &import::ImportQueue::idle);
    return idle.wait(timeoutMs);
}

bool IndexFixture::openIndex()
{
    auto opened = index::IndexDatabase::open(dir.filePath(index::IndexDatabase::fileName()));
    if (!opened)
        return false;
    database = std::move(*opened);
    queue = std::make_unique<import::ImportQueue>(*database, import::ImportOptions{});
    return true;
}

std::unique_ptr<index::IndexDatabase> IndexFixture::other() const
{
    auto opened = index::IndexDatabase::open(dir.filePath(index::IndexDatabase::fileName()));
    return opened ? std::move(*opened) : nullptr;
}

QString IndexFixture::law(const QString& name, int paragraphs) const
{
    const QString path = dir.filePath(name);
    return writeFile(path, lawText(name.toUtf8(), paragraphs)) ? path : QString();
}

} // namespace genius::test
