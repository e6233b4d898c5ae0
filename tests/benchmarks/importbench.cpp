// genius-bench import-pdf and import-ocr: our import queue against the command-line tools
// (pdftotext; pdftoppm + tesseract, one process per core) on the same files in the same run,
// with the character error rate of both OCR paths against the corpus's ground truth.
#include "benchcommands.h"
#include "benchcommon.h"

#include "core/import/importqueue.h"
#include "core/index/indexdatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <vector>

namespace genius::bench {

namespace {

struct ImportRun {
    double seconds = 0.0;
    int pages = 0;
    int chunks = 0;
    int failed = 0;
    QList<qint64> ids;
    std::unique_ptr<index::IndexDatabase> database;
    QTemporaryDir dir;
};

/// Imports `files` into a fresh index with the product's queue (both cores, lexical only).
std::unique_ptr<ImportRun> importWithQueue(const QStringList& files)
{
    auto run = std::make_unique<ImportRun>();
    auto database = index::IndexDatabase::open(run->dir.filePath(QStringLiteral("index.sqlite")));
    if (!database)
        return nullptr;
    run->database = std::move(*database);
    QElapsedTimer timer;
    timer.start();
    {
        import::ImportQueue queue(*run->database, {});
        QEventLoop loop;
        QObject::connect(&queue, &import::ImportQueue::idle, &loop, &QEventLoop::quit);
        for (const QString& file : files)
            run->ids.append(queue.enqueue(file, domain::ProtectionClass::Normal).id);
        if (!queue.isIdle())
            loop.exec();
    }
    run->seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    for (qint64 id : std::as_const(run->ids)) {
        const auto record = run->database->document(id);
        if (!record || record->status != index::DocumentStatus::Ready) {
            ++run->failed;
            continue;
        }
        run->pages += record->pagesTotal;
        run->chunks += record->chunks;
    }
    return run;
}

/// Runs `jobs` (program + arguments) with at most `parallel` processes at once; false if one failed.
bool runProcesses(const QList<QStringList>& jobs, int parallel)
{
    QList<QProcess*> running;
    qsizetype next = 0;
    bool ok = true;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OMP_THREAD_LIMIT"), QStringLiteral("1"));
    while (next < jobs.size() || !running.isEmpty()) {
        while (next < jobs.size() && running.size() < parallel) {
            auto* process = new QProcess;
            process->setProcessEnvironment(environment);
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process->setStandardOutputFile(QProcess::nullDevice());
            process->start(jobs.at(next).front(), jobs.at(next).mid(1));
            running.append(process);
            ++next;
        }
        QProcess* first = running.takeFirst();
        if (!first->waitForFinished(-1) || first->exitCode() != 0)
            ok = false;
        delete first;
    }
    return ok;
}

QStringList pdfFiles(const QString& directory)
{
    QStringList files;
    for (const QFileInfo& info : QDir(directory).entryInfoList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name))
        files.append(info.absoluteFilePath());
    return files;
}

/// Text for error rates: whitespace runs collapsed, so layout choices do not count as errors.
QString comparable(const QString& text)
{
    return text.simplified();
}

/// Levenshtein distance with two rows (O(n·m) time, O(m) memory).
qsizetype editDistance(const QString& a, const QString& b)
{
    std::vector<qsizetype> previous(static_cast<std::size_t>(b.size()) + 1);
    std::vector<qsizetype> current(previous.size());
    for (std::size_t j = 0; j < previous.size(); ++j)
        previous[j] = static_cast<qsizetype>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype substitution = previous[static_cast<std::size_t>(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[static_cast<std::size_t>(j)] =
                std::min({previous[static_cast<std::size_t>(j)] + 1, current[static_cast<std::size_t>(j - 1)] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous.back();
}

struct ErrorRate {
    qsizetype errors = 0;
    qsizetype characters = 0;
    double rate() const { return characters > 0 ? static_cast<double>(errors) / static_cast<double>(characters) : 0.0; }
    void add(const QString& truth, const QString& text)
    {
        const QString expected = comparable(truth);
        errors += editDistance(expected, comparable(text));
        characters += expected.size();
    }
};

QStringList groundTruthPages(const QString& pdf)
{
    QFile file(QString(pdf).replace(QRegularExpression(QStringLiteral("\\.pdf$")), QStringLiteral(".gt.txt")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList pages = QString::fromUtf8(file.readAll()).split(QLatin1Char('\f'));
    while (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

} // namespace

int importPdf(const QStringList& arguments)
{
    const Options options(arguments);
    const QString directory = options.text(QStringLiteral("dir"), corpusDir() + QStringLiteral("/pdf"));
    const QStringList files = pdfFiles(directory);
    if (files.isEmpty())
        return failWith(QStringLiteral("No PDF files in %1.").arg(directory));
    const int threads = QThread::idealThreadCount();

    // Reference: pdftotext, one process per file, sequentially and one per core.
    QTemporaryDir out;
    QList<QStringList> jobs;
    for (const QString& file : files)
        jobs.append({QStringLiteral("pdftotext"), file, out.filePath(QFileInfo(file).completeBaseName() + QStringLiteral(".txt"))});
    QElapsedTimer timer;
    timer.start();
    if (!runProcesses(jobs, 1))
        return failWith(QStringLiteral("pdftotext failed (is poppler-utils installed?)."));
    const double sequential = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    runProcesses(jobs, threads);
    const double parallel = static_cast<double>(timer.nsecsElapsed()) / 1e9;

    const auto ours = importWithQueue(files);
    if (!ours)
        return failWith(QStringLiteral("The index could not be created."));
    JsonLine()
        .add(QStringLiteral("bench"), QStringLiteral("import-pdf"))
        .add(QStringLiteral("files"), static_cast<int>(files.size()))
        .add(QStringLiteral("pages"), ours->pages)
        .add(QStringLiteral("chunks"), ours->chunks)
        .add(QStringLiteral("failed"), ours->failed)
        .add(QStringLiteral("threads"), threads)
        .add(QStringLiteral("ours_s"), ours->seconds, 3)
        .add(QStringLiteral("pdftotext_s"), sequential, 3)
        .add(QStringLiteral("pdftotext_parallel_s"), parallel, 3)
        .add(QStringLiteral("ratio"), ours->seconds / sequential, 3)
        .add(QStringLiteral("ratio_parallel"), ours->seconds / parallel, 3)
        .add(QStringLiteral("pages_per_s"), ours->pages / ours->seconds, 1)
        .add(QStringLiteral("peak_rss_mb"), peakResidentMegabytes(), 1)
        .add(QStringLiteral("pdftotext_peak_rss_mb"), peakResidentMegabytes(true), 1)
        .print();
    return ours->failed == 0 ? 0 : 1;
}

int importOcr(const QStringList& arguments)
{
    const Options options(arguments);
    const QString directory = options.text(QStringLiteral("dir"), corpusDir() + QStringLiteral("/scanned"));
    const QStringList files = pdfFiles(directory);
    if (files.isEmpty())
        return failWith(QStringLiteral("No scanned PDF files in %1.").arg(directory));
    const int threads = QThread::idealThreadCount();

    // Reference: pdftoppm at 300 dpi, then tesseract deu+eng per page, one process per core.
    QTemporaryDir out;
    QElapsedTimer timer;
    timer.start();
    QList<QStringList> render;
    for (qsizetype i = 0; i < files.size(); ++i)
        render.append({QStringLiteral("pdftoppm"), QStringLiteral("-r"), QStringLiteral("300"), QStringLiteral("-gray"),
                       files.at(i), out.filePath(QStringLiteral("f%1").arg(i))});
    if (!runProcesses(render, threads))
        return failWith(QStringLiteral("pdftoppm failed (is poppler-utils installed?)."));
    QList<QStringList> recognise;
    const QFileInfoList images = QDir(out.path()).entryInfoList({QStringLiteral("*.pgm")}, QDir::Files, QDir::Name);
    for (const QFileInfo& image : images)
        recognise.append({QStringLiteral("tesseract"), image.absoluteFilePath(),
                          image.absoluteFilePath().chopped(4), QStringLiteral("-l"), QStringLiteral("deu+eng")});
    if (!runProcesses(recognise, threads))
        return failWith(QStringLiteral("tesseract failed (is tesseract-ocr installed?)."));
    const double reference = static_cast<double>(timer.nsecsElapsed()) / 1e9;

    ErrorRate referenceRate;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QStringList truth = groundTruthPages(files.at(i));
        const QFileInfoList texts = QDir(out.path()).entryInfoList({QStringLiteral("f%1-*.txt").arg(i)}, QDir::Files, QDir::Name);
        for (qsizetype page = 0; page < truth.size() && page < texts.size(); ++page) {
            QFile text(texts.at(page).absoluteFilePath());
            text.open(QIODevice::ReadOnly);
            referenceRate.add(truth.at(page), QString::fromUtf8(text.readAll()));
        }
    }

    const auto ours = importWithQueue(files);
    if (!ours)
        return failWith(QStringLiteral("The index could not be created."));
    ErrorRate ourRate;
    double confidence = 0.0;
    int ocrPages = 0;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QStringList truth = groundTruthPages(files.at(i));
        const auto pages = ours->database->pages(ours->ids.at(i));
        if (!pages)
            continue;
        for (qsizetype page = 0; page < truth.size() && page < pages->size(); ++page) {
            ourRate.add(truth.at(page), pages->at(page).text);
            if (pages->at(page).ocr) {
                confidence += pages->at(page).confidence;
                ++ocrPages;
            }
        }
    }
    JsonLine()
        .add(QStringLiteral("bench"), QStringLiteral("import-ocr"))
        .add(QStringLiteral("files"), static_cast<int>(files.size()))
        .add(QStringLiteral("pages"), ours->pages)
        .add(QStringLiteral("ocr_pages"), ocrPages)
        .add(QStringLiteral("failed"), ours->failed)
        .add(QStringLiteral("threads"), threads)
        .add(QStringLiteral("ours_s"), ours->seconds, 2)
        .add(QStringLiteral("cli_pipeline_s"), reference, 2)
        .add(QStringLiteral("ratio"), ours->seconds / reference, 3)
        .add(QStringLiteral("s_per_page"), ours->seconds / std::max(1, ours->pages), 2)
        .add(QStringLiteral("cer"), ourRate.rate(), 5)
        .add(QStringLiteral("cli_cer"), referenceRate.rate(), 5)
        .add(QStringLiteral("mean_confidence"), ocrPages > 0 ? confidence / ocrPages : 0.0, 1)
        .add(QStringLiteral("peak_rss_mb"), peakResidentMegabytes(), 1)
        .add(QStringLiteral("cli_peak_rss_mb"), peakResidentMegabytes(true), 1)
        .print();
    return ours->failed == 0 ? 0 : 1;
}

} // namespace genius::bench
