#pragma once
// The schema's version history. Each step runs in its own BEGIN IMMEDIATE ... COMMIT and ends by
// setting PRAGMA user_version, so a crash leaves the file at the last completed version.
#include <cstdint>

namespace srllm::db {

class Database;

// PRAGMA application_id of every workbench project: "SRLM" in ASCII.
constexpr int32_t kApplicationId = 0x53524C4D;

int latestSchemaVersion();
int userVersion(Database& db);
int32_t applicationId(Database& db);

// Refuses a newer schema; backs up (PATH.bak-vN) and migrates an older one; a version-0 file gets the
// whole schema without a backup. Call with no transaction open.
void migrate(Database& db);

}  // namespace srllm::db
