#include "core/storage/retentionsettings.h"

#include "core/settings/settings.h"

namespace genius::storage {

RetentionPolicy retentionPolicyFrom(const settings::Settings& settings)
{
    RetentionPolicy policy;
    policy.noneDays = settings.integer(settings::keys::RetentionNone);
    policy.normalDays = settings.integer(settings::keys::RetentionNormal);
    policy.highDays = settings.integer(settings::keys::RetentionHigh);
    policy.veryHighDays = settings.integer(settings::keys::RetentionVeryHigh);
    return policy;
}

} // namespace genius::storage
