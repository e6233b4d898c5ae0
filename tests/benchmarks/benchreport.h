#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

// The benchmark report docs/benchmarks.md: the JSON lines of one genius-bench run turned into
// Markdown tables, each figure beside the reference measured in the same run, with the targets
// and whether they are met.
namespace genius::bench {

/// One "name: value" line of the machine description (CPU, memory, compiler, library versions).
using MachineFact = std::pair<QString, QString>;

/// The Markdown report of `results` (one object per JSON line, "bench" naming its measure),
/// measured on `machine`. Measures missing from `results` are listed as not run. Pure.
QString benchmarkReport(const QList<QJsonObject>& results, const QList<MachineFact>& machine);

/// `report --results FILE --machine FILE`: prints benchmarkReport of the JSON lines in FILE
/// (other lines are skipped) and the "name: value" lines of the machine file.
int report(const QStringList& arguments);

} // namespace genius::bench
