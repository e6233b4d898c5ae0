#pragma once

#include "core/storage/conversationrecord.h"

namespace genius::settings {
class Settings;
}

namespace genius::storage {

/// The days to keep conversations of each class, from the settings retention/*Days.
RetentionPolicy retentionPolicyFrom(const settings::Settings& settings);

} // namespace genius::storage
