#include "core/security/secretstore.h"

namespace genius::security {

SecretStore::~SecretStore() = default;

} // namespace genius::security
