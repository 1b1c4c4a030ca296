#pragma once
// Work packages: a project file of its own holding one annotator's items, so they can label offline and
// the team merges the result back. The package carries the source's taxonomy versions (same numbers),
// the annotator, their assignments and earlier annotations, and a one-row package_manifest table.
// Merging matches items by uid, never by id, and is idempotent: an annotation is taken only when it is
// newer (updated_at) than the project's own for that item and annotator.
// Threading: call from the thread that owns the Project.
#include <cstdint>
#include <optional>
#include <string>

#include "core/common/diagnostics.h"

namespace srllm::db {

class Database;
class Project;

struct PackageManifest {
    std::string sourceProject;  // absolute path of the project it was made from (schema v1 has no project id)
    int taxonomyVersion = 0;    // the source's current version when packaged; merge requires the same
    std::string annotator;
    int64_t items = 0;
    std::string createdAt;      // ISO-8601 UTC
};

struct PackageSummary {
    int64_t items = 0;
    int64_t annotations = 0;  // the annotator's earlier annotations copied along
    bool assignedOnly = false;  // false: the project assigns nothing to anyone, so every item went in
    PackageManifest manifest;
};

// Writes a new package at outPath (which must not exist) for the annotator (created in the package when
// the source has no annotator of that name) with the items of their queue (db/annotation-queue.h): in a
// project that assigns items, only theirs (InputError when they have none). All or nothing: a failure
// removes the partial file.
PackageSummary createWorkPackage(Project& source, const std::string& annotator, const std::string& outPath);

// Removes a project file and its -wal/-shm/-journal companions: what a failed package leaves behind.
void removeProjectFiles(const std::string& path);

// The manifest of a package; nullopt for an ordinary project.
std::optional<PackageManifest> readPackageManifest(Database& db);

struct MergeSummary {
    std::string annotator;
    int64_t inserted = 0;      // annotations the project did not have
    int64_t updated = 0;       // newer than the project's
    int64_t unchanged = 0;     // same updated_at: merged before
    int64_t keptNewer = 0;     // the project's annotation is newer than the package's
    int64_t unknownItems = 0;  // item uid not in the project (skipped, with a warning)
    int64_t routed = 0;        // items routed for disagreement afterwards (db/routing.h)
    core::Diagnostics warnings;
};

// Merges a package's annotations into the project in one transaction. Throws core::InputError naming the
// package when it is not a package, or was made for another taxonomy version than the project's current.
MergeSummary mergeWorkPackage(Project& target, const std::string& packagePath);

}  // namespace srllm::db
