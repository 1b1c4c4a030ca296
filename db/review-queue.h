#pragma once
// What a reviewer may read of a review session, and their judgements. The blind rule lives here: a reviewer
// reads only comparisons assigned to them and only their own judgements, and learns which run wrote output A
// or B only after judging that comparison (revealSides). Nothing here returns another reviewer's judgement.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/taxonomy-fields.h"

namespace srllm::db {

class Database;

// Rationale tags a judgement may carry per output, in display order: the project's current taxonomy's
// "review_tags" (db/taxonomy-fields.h). Judgements stored earlier keep tags a later version dropped.
std::vector<ReviewTag> reviewRationaleTags(Database& db);

struct ReviewTask {
    int64_t comparisonId = 0;
    std::string source;                   // the original text
    std::vector<std::string> references;  // reference rewrites of the item (shown on request)
    std::string outputA, outputB;
    bool judged = false;
};

enum class Verdict { A, B, Tie, BothUnsafe };
const char* verdictName(Verdict verdict);  // "a" | "b" | "tie" | "both_unsafe"
std::optional<Verdict> verdictFromName(const std::string& name);

struct Judgement {
    int64_t comparisonId = 0;
    Verdict verdict = Verdict::Tie;
    std::optional<int> safetyA, safetyB, languageA, languageB;  // 1..5
    std::vector<std::string> tagsA, tagsB;                      // keys of reviewRationaleTags(db)
    std::optional<std::string> comment;
    double seconds = 0;  // time spent judging
};

// The reviewer's comparisons in the session, in their queue order.
std::vector<ReviewTask> reviewQueue(Database& db, int64_t sessionId, int64_t reviewerId);
// Sessions with at least one comparison assigned to the reviewer, by id: (id, name).
std::vector<std::pair<int64_t, std::string>> reviewSessionsOf(Database& db, int64_t reviewerId);

// Inserts or replaces the reviewer's judgement. Throws DbError when the comparison is not assigned to
// them, a score is outside 1..5 or a tag is neither in the current taxonomy nor already on the stored judgement; nothing is stored then.
void saveJudgement(Database& db, int64_t reviewerId, const Judgement& judgement);
std::optional<Judgement> judgementOf(Database& db, int64_t comparisonId, int64_t reviewerId);
void deleteJudgement(Database& db, int64_t comparisonId, int64_t reviewerId);  // undo of a first save

struct RevealedSides {
    std::string runA, runB;  // generation run names
};
// Throws DbError unless this reviewer has judged the comparison.
RevealedSides revealSides(Database& db, int64_t comparisonId, int64_t reviewerId);

}  // namespace srllm::db
