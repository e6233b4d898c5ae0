#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace genius::services {

enum class SummaryLength { Short, Medium, Long };
/// short, medium, long
QString summaryLengthName(SummaryLength length);
std::optional<SummaryLength> parseSummaryLength(const QString& name);

/// A piece of the text to summarise with its anchor.
struct SummaryPassage {
    QString text;
    int page = 0;          ///< 1-based; 0 where the format has no pages
    qint64 documentId = 0; ///< 0 for pasted text
};

/// One sentence of an extractive summary, with where it stands.
struct SummaryPoint {
    QString text;
    int page = 0;
    qint64 documentId = 0;
    double score = 0.0;
};

/// A summary made locally, without any model: the sentences that best represent the text
/// (German-stemmed term weights, position, no near-duplicates), or — with an aspect — those
/// that best cover the aspect. Short/medium/long give about 3/6/12 sentences. Points come in
/// the order of the text.
QList<SummaryPoint> extractiveSummary(const QList<SummaryPassage>& passages, SummaryLength length,
                                      const QString& aspect = {});

} // namespace genius::services
