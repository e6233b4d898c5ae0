// The desktop app's rendering and start-up costs (built with the UI only).
#include "benchcommands.h"
#include "benchcommon.h"

#include "core/import/importqueue.h"
#include "core/index/indexdatabase.h"
#include "core/models/curation.h"
#include "core/settings/settings.h"
#include "core/storage/conversationstore.h"
#include "ui/mainwindow.h"
#include "ui/markdownstream.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QWindow>

#include <ctime>
#include <cstdio>

namespace genius::bench {

namespace {

double cpuMilliseconds()
{
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

/// A German answer of about `tokens` tokens (4 characters each): paragraphs, a list, emphasis.
QString answerOf(int tokens)
{
    const QString paragraph = QStringLiteral(
        "Den Antrag auf **Wohngeld** stellen Sie schriftlich bei der Wohngeldbehörde Ihrer Gemeinde [1]. "
        "Beizufügen sind:\n\n- Einkommensnachweise der letzten zwölf Monate\n- der Mietvertrag\n\n"
        "Die Bearbeitung dauert in der Regel *vier bis sechs Wochen* [2].\n\n");
    QString answer;
    while (answer.size() < tokens * 4)
        answer += paragraph;
    return answer.left(tokens * 4);
}

void waitExposed(QWidget& window)
{
    window.show();
    QElapsedTimer limit;
    limit.start();
    while ((!window.windowHandle() || !window.windowHandle()->isExposed()) && limit.elapsed() < 5000)
        QApplication::processEvents(QEventLoop::AllEvents, 10);
    QApplication::processEvents();
}

} // namespace

int streamRender(const QStringList& arguments)
{
    const Options options(arguments);
    const int tokens = static_cast<int>(options.integer(QStringLiteral("tokens"), 2000));
    const int perRender = static_cast<int>(options.integer(QStringLiteral("tokens-per-render"), 16));
    const QString answer = answerOf(tokens);

    // The reference: the whole answer converted once, as a view that re-rendered the
    // history per token would pay on every token.
    QTextDocument whole;
    const double wholeStart = cpuMilliseconds();
    whole.setMarkdown(answer);
    whole.size(); // lay it out
    const double wholeMs = cpuMilliseconds() - wholeStart;

    QTextDocument streamed;
    ui::MarkdownStream stream(streamed);
    stream.setInterval(60000); // rendered below, every `perRender` tokens, like the 50 ms timer
    const double start = cpuMilliseconds();
    for (int token = 0; token < tokens; ++token) {
        stream.append(answer.mid(token * 4, 4));
        if ((token + 1) % perRender == 0) {
            stream.flush();
            streamed.size();
        }
    }
    stream.finish();
    streamed.size();
    const double streamMs = cpuMilliseconds() - start;
    JsonLine()
        .add(QStringLiteral("bench"), QStringLiteral("stream-render"))
        .add(QStringLiteral("tokens"), tokens)
        .add(QStringLiteral("tokens_per_render"), perRender)
        .add(QStringLiteral("cpu_ms"), streamMs, 1)
        .add(QStringLiteral("us_per_token"), 1000.0 * streamMs / tokens, 2)
        .add(QStringLiteral("whole_once_ms"), wholeMs, 1)
        .add(QStringLiteral("rerender_per_token_estimate_ms"), wholeMs * tokens / 2.0, 0)
        .print();
    return 0;
}

int startup(const QStringList& arguments)
{
    Q_UNUSED(arguments)
    QTemporaryDir profile;
    // The reference: an empty main window shown in the same process.
    QElapsedTimer timer;
    timer.start();
    {
        QMainWindow bare;
        bare.resize(1100, 720);
        waitExposed(bare);
    }
    const double bareMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    // The app's composition root, as app/genius builds it (without the keychain), to the first shown window.
    timer.restart();
    settings::Settings settings(settings::SettingsLocations{QDir(profile.path()).filePath(QStringLiteral("settings.json")),
                                                            {}, {}, QSettings::IniFormat});
    auto index = index::IndexDatabase::open(QDir(profile.path()).filePath(index::IndexDatabase::fileName()));
    auto conversations
        = storage::ConversationStore::open(QDir(profile.path()).filePath(storage::ConversationStore::fileName()));
    if (!index || !conversations) {
        std::fprintf(stderr, "genius-bench: cannot open the profile's databases\n");
        return 1;
    }
    import::ImportQueue queue(**index, import::ImportOptions{});
    models::Curation curation(**index, queue);
    ui::MainWindow::Services services;
    services.curation = &curation;
    services.canManage = true;
    services.conversations = conversations->get();
    ui::MainWindow window(settings, profile.path(), services);
    waitExposed(window);
    const double appMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    JsonLine()
        .add(QStringLiteral("bench"), QStringLiteral("startup"))
        .add(QStringLiteral("ms"), appMs, 1)
        .add(QStringLiteral("bare_window_ms"), bareMs, 1)
        .add(QStringLiteral("peak_rss_mb"), peakResidentMegabytes(), 1)
        .print();
    return 0;
}

} // namespace genius::bench
