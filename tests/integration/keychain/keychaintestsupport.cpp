#include "keychaintestsupport.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QEvent>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QTimer>

#include <cstdio>

#include <unistd.h>

namespace genius::keychaintest {

bool pumpEventsUntil(const std::function<bool()>& arrived, std::chrono::milliseconds timeout)
{
    // Unlike QTest::qWait, which sleeps between rounds, this blocks in the event dispatcher
    // (GLib's, where libsecret's replies arrive), so measured latencies are not rounded up.
    QTimer deadline;
    deadline.setSingleShot(true);
    deadline.start(timeout);
    while (!arrived() && deadline.isActive()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    return arrived();
}

namespace {

// qInstallMessageHandler takes a plain function: the capture it feeds lives here.
QMutex s_messagesMutex;
QStringList s_messages;
QtMessageHandler s_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        const QMutexLocker lock(&s_messagesMutex);
        s_messages.append(QString::fromUtf8(context.category ? context.category : "") + QStringLiteral(": ")
                          + message);
    }
    if (s_previousHandler)
        s_previousHandler(type, context, message);
}

} // namespace

LogCapture::LogCapture()
{
    {
        const QMutexLocker lock(&s_messagesMutex);
        s_messages.clear();
    }
    s_previousHandler = qInstallMessageHandler(captureMessage);

    if (!m_stderrFile.open())
        return;
    std::fflush(stderr);
    m_savedStderr = ::dup(STDERR_FILENO);
    if (m_savedStderr >= 0 && ::dup2(m_stderrFile.handle(), STDERR_FILENO) < 0) {
        ::close(m_savedStderr);
        m_savedStderr = -1;
    }
}

LogCapture::~LogCapture()
{
    const QByteArray captured = takeStderr();
    if (m_savedStderr >= 0) {
        ::dup2(m_savedStderr, STDERR_FILENO);
        ::close(m_savedStderr);
        // Hand what was captured back to the real stderr, so test logs stay complete.
        if (!captured.isEmpty()) {
            [[maybe_unused]] const auto written = ::write(STDERR_FILENO, captured.constData(), size_t(captured.size()));
        }
    }
    qInstallMessageHandler(s_previousHandler);
    s_previousHandler = nullptr;
}

QByteArray LogCapture::takeStderr()
{
    if (m_savedStderr < 0)
        return {};
    std::fflush(stderr);
    QFile file(m_stderrFile.fileName());
    if (file.open(QIODevice::ReadOnly))
        m_stderr = file.readAll();
    return m_stderr;
}

QString LogCapture::text()
{
    const QByteArray fromStderr = takeStderr();
    const QMutexLocker lock(&s_messagesMutex);
    return s_messages.join(QLatin1Char('\n')) + QLatin1Char('\n') + QString::fromUtf8(fromStderr);
}

QList<QByteArray> leakPatterns(const QString& secret, const QString& asciiCore)
{
    const QByteArray core = asciiCore.toLatin1();
    QByteArray utf16le;
    QByteArray utf16be;
    for (const char c : core) {
        utf16le.append(c).append('\0');
        utf16be.append('\0').append(c);
    }
    return {core, utf16le, utf16be, secret.toUtf8(), secret.toUtf8().toBase64()};
}

QStringList filesContaining(const QStringList& roots, const QList<QByteArray>& patterns, int* scannedFiles)
{
    QStringList hits;
    int scanned = 0;
    for (const QString& root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo info(it.next());
            // Only regular files: sockets and FIFOs in XDG_RUNTIME_DIR would block a read.
            if (info.isSymLink() || !info.isFile())
                continue;
            QFile file(info.filePath());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++scanned;
            const QByteArray content = file.readAll();
            for (const QByteArray& pattern : patterns) {
                if (!pattern.isEmpty() && content.contains(pattern)) {
                    hits.append(info.filePath());
                    break;
                }
            }
        }
    }
    if (scannedFiles)
        *scannedFiles = scanned;
    return hits;
}

} // namespace genius::keychaintest
