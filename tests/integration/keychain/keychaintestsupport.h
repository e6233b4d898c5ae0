#pragma once

#include "core/common/error.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryFile>
#include <QtGlobal>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

// Shared by the keychain integration tests: waiting for the asynchronous SecretStore
// callbacks, capturing every log line, and scanning directories for a leaked secret.
namespace genius::keychaintest {

/// Pumps the event loop until `arrived()` is true or `timeout` passed; true if it arrived.
bool pumpEventsUntil(const std::function<bool()>& arrived, std::chrono::milliseconds timeout);

/// A "ok" or "not-found: detail" description of a result, for failure messages (never the value).
template<typename T>
QString describe(const common::Result<T>& result)
{
    if (result)
        return QStringLiteral("ok");
    return common::errorCodeName(result.error().code) + QStringLiteral(": ") + result.error().detail;
}

/// The error code name of a result ("not-found", "timeout", ...) or "ok", for QCOMPARE.
template<typename T>
QString codeOf(const common::Result<T>& result)
{
    return result ? QStringLiteral("ok") : common::errorCodeName(result.error().code);
}

/// One asynchronous SecretStore call: starts it, records how often and how soon the callback
/// ran and whether it ran before the call returned. The state is shared with the callback, so a
/// callback that arrives after this object is gone is harmless.
template<typename T>
class PendingCall final
{
public:
    using Callback = std::function<void(common::Result<T>)>;

    explicit PendingCall(const std::function<void(Callback)>& start)
        : m_state(std::make_shared<State>())
    {
        m_state->clock.start();
        start([state = m_state](common::Result<T> result) {
            ++state->calls;
            if (!state->returned)
                state->synchronous = true;
            if (!state->result) {
                state->elapsedMs = state->clock.elapsed();
                state->result = std::move(result);
            }
        });
        m_state->returned = true;
    }

    /// Runs the event loop until the callback came or `timeout` passed.
    bool waitForResult(std::chrono::milliseconds timeout) const
    {
        const auto state = m_state;
        return pumpEventsUntil([state] { return state->result.has_value(); }, timeout);
    }

    bool arrived() const { return m_state->result.has_value(); }
    int calls() const { return m_state->calls; }
    bool completedSynchronously() const { return m_state->synchronous; }
    /// Milliseconds from the start of the call to its (first) callback.
    qint64 elapsedMs() const { return m_state->elapsedMs; }
    const common::Result<T>& result() const { return *m_state->result; }

private:
    struct State {
        QElapsedTimer clock;
        std::optional<common::Result<T>> result;
        int calls = 0;
        bool returned = false;
        bool synchronous = false;
        qint64 elapsedMs = -1;
    };
    std::shared_ptr<State> m_state;
};

/// Captures everything the process logs while it lives: every Qt message (all categories,
/// debug included, passed on to the previous handler too) and everything written to file
/// descriptor 2, which is where GLib and libsecret log. Only one may exist at a time.
class LogCapture final
{
public:
    LogCapture();
    ~LogCapture();
    Q_DISABLE_COPY_MOVE(LogCapture)

    /// Whether the capture is in place (stderr could be redirected).
    bool isActive() const { return m_savedStderr >= 0; }
    /// Everything captured so far: Qt messages, then what reached stderr.
    QString text();

private:
    QByteArray takeStderr();

    QTemporaryFile m_stderrFile;
    int m_savedStderr = -1;
    QByteArray m_stderr;
};

/// The byte patterns under which `secret` could appear in a file: its distinctive ASCII core
/// as UTF-8/Latin-1 and UTF-16 (both byte orders), and the whole secret as UTF-8 and Base64.
QList<QByteArray> leakPatterns(const QString& secret, const QString& asciiCore);

/// Every regular file below `roots` (recursively, hidden files included, symlinks not followed)
/// that contains one of `patterns`. `scannedFiles` receives how many files were read.
QStringList filesContaining(const QStringList& roots, const QList<QByteArray>& patterns, int* scannedFiles);

} // namespace genius::keychaintest
