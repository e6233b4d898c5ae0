#pragma once

#include "core/import/importqueue.h"
#include "core/index/indexdatabase.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace genius::test {

/// Writes `bytes` to `path`; false when that fails.
bool writeFile(const QString& path, const QByteArray& bytes);
/// A small German statute in Markdown: a title and `paragraphs` sections of two sentences.
QByteArray lawText(const QByteArray& title, int paragraphs);
/// Waits until the queue has nothing queued or running (at most `timeoutMs`).
bool waitUntilIdle(import::ImportQueue& queue, int timeoutMs = 120000);

/// A temporary profile folder with its index and an import queue over it, for tests that
/// import real files; tests derive their fixture from it and add what they exercise.
struct IndexFixture {
    QTemporaryDir dir;
    std::unique_ptr<index::IndexDatabase> database;
    std::unique_ptr<import::ImportQueue> queue;

    /// Opens index.sqlite in `dir` and a queue over it.
    bool openIndex();
    /// A second connection to the same file, as another process (the CLI) would open it.
    std::unique_ptr<index::IndexDatabase> other() const;
    /// Writes lawText(name, paragraphs) into `dir` and returns its path.
    QString law(const QString& name, int paragraphs = 2) const;
    bool waitIdle() { return waitUntilIdle(*queue); }
};

} // namespace genius::test
