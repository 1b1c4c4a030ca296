#pragma once
// Review work packages: a project file of its own holding one reviewer's comparisons of one review session,
// so they judge offline (in the Review mode, as in any project) and the lead merges the judgements back.
// The blind rule holds inside the package: it carries the original, the two outputs as sides A and B of two
// anonymous runs ("side A", "side B"), the references and the reviewer's own judgements; never the source's
// runs, which run wrote a side, another reviewer or their judgements. Comparison ids are the source's.
// Threading: call from the thread that owns the Project.
#include <cstdint>
#include <optional>
#include <string>

namespace srllm::db {

class Database;
class Project;

struct ReviewPackageManifest {
    std::string sourceProject;  // absolute path of the project it was made from
    int64_t sessionId = 0;
    std::string sessionName;
    std::string sessionCreatedAt;  // with the id and name, what identifies the session at merge time
    std::string reviewer;
    int64_t comparisons = 0;
    int64_t judgements = 0;  // the reviewer's earlier judgements copied along
};

// Writes a new package at outPath (which must not exist) with the reviewer's assigned comparisons of the
// session. Throws core::InputError when the session or reviewer is unknown or nothing is assigned to them;
// a failure removes the partial file.
ReviewPackageManifest createReviewPackage(Project& source, const std::string& session, const std::string& reviewer,
                                          const std::string& outPath);

// The manifest of a review package; nullopt for any other project.
std::optional<ReviewPackageManifest> readReviewPackageManifest(Database& db);

struct ReviewMergeSummary {
    std::string reviewer, session;
    int64_t inserted = 0;   // judgements the project did not have
    int64_t updated = 0;    // newer than the project's
    int64_t unchanged = 0;  // same updated_at: merged before
    int64_t keptNewer = 0;  // the project's judgement is newer than the package's
};

// Brings the package's judgements into the project in one transaction, keeping their times, so merging twice
// is merging once. Throws core::InputError naming the package, and changes nothing, when it is not a review
// package, its session is not this project's, a comparison is not assigned to the reviewer here or a tag is
// not in the project's taxonomy.
ReviewMergeSummary mergeReviewPackage(Project& target, const std::string& packagePath);

}  // namespace srllm::db
