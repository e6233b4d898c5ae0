#include "app/cli/command.h"

namespace genius::cli {

Command::~Command() = default;

} // namespace genius::cli
