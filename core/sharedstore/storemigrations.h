#pragma once

#include <span>

namespace genius::sharedstore {

/// One numbered migration of the shared store: statements that run in one transaction, after
/// which the version is recorded in genius.genius_schema.
struct StoreMigration {
    int version;
    std::span<const char* const> statements;
};

/// Every migration, in order; version i+1 at index i. Never edit a released migration: add one.
std::span<const StoreMigration> storeMigrations();

} // namespace genius::sharedstore
