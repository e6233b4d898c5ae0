#pragma once

#include <QHash>
#include <QList>
#include <QSet>

#include <functional>

namespace genius::models {

/// What a list model does around the steps of syncRows(): the Qt begin/end calls, its
/// own per-row state and its id → row index.
struct RowSyncSteps {
    std::function<void(int first, int last)> beginRemove; ///< beginRemoveRows and per-row state
    std::function<void()> endRemove;
    std::function<void(int first, int last)> changed; ///< dataChanged over whole rows
    std::function<void(int first, int last)> beginInsert;
    std::function<void()> endInsert;
    std::function<void()> reindex; ///< rebuild the id → row index after rows moved
};

/// Turns `rows` into `incoming`, matched by `id`, with the fewest model signals: rows of ids
/// that left are removed (from the end, one signal per contiguous block, so earlier rows
/// keep their numbers), rows whose record changed report one dataChanged per contiguous
/// block, and new ids are appended in `incoming`'s order. Rows stay in place, so views keep
/// their selection. For a duplicate id in `incoming` the last record wins.
template <typename Record, typename Same>
void syncRows(QList<Record>& rows, const QList<Record>& incoming, Same same, const RowSyncSteps& steps)
{
    QHash<qint64, qsizetype> wanted;
    wanted.reserve(incoming.size());
    for (qsizetype i = 0; i < incoming.size(); ++i)
        wanted.insert(incoming.at(i).id, i);

    for (int row = static_cast<int>(rows.size()) - 1; row >= 0; --row) {
        if (wanted.contains(rows.at(row).id))
            continue;
        const int last = row;
        while (row > 0 && !wanted.contains(rows.at(row - 1).id))
            --row;
        steps.beginRemove(row, last);
        rows.remove(row, last - row + 1);
        steps.reindex();
        steps.endRemove();
    }

    QSet<qint64> present;
    int firstChanged = -1;
    for (int row = 0; row < rows.size(); ++row) {
        present.insert(rows.at(row).id);
        const Record& fresh = incoming.at(wanted.value(rows.at(row).id));
        if (!same(rows.at(row), fresh)) {
            rows[row] = fresh;
            if (firstChanged < 0)
                firstChanged = row;
        } else if (firstChanged >= 0) {
            steps.changed(firstChanged, row - 1);
            firstChanged = -1;
        }
    }
    if (firstChanged >= 0)
        steps.changed(firstChanged, static_cast<int>(rows.size()) - 1);

    QList<Record> added;
    for (const Record& record : incoming) {
        if (present.contains(record.id))
            continue;
        present.insert(record.id);
        added.append(incoming.at(wanted.value(record.id)));
    }
    if (added.isEmpty())
        return;
    const int first = static_cast<int>(rows.size());
    steps.beginInsert(first, first + static_cast<int>(added.size()) - 1);
    rows.append(added);
    steps.reindex();
    steps.endInsert();
}

} // namespace genius::models
