#pragma once

#include "core/storage/conversationstore.h"

namespace genius::storage::test {

/// A stored conversation for export tests: a German question, an answer citing two
/// sources, a follow-up and a stopped answer; plus an abandoned branch that must not appear.
struct Sample {
    ConversationRecord conversation;
    QList<MessageRecord> path;
};

/// Builds the sample in a store at `path`; an empty conversation id on failure.
Sample makeSample(const QString& path);

} // namespace genius::storage::test
