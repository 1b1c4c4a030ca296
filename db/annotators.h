#pragma once
// Annotators, experts and reviewers: the people whose labels the project stores.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace srllm::db {

class Database;

struct AnnotatorRow {
    int64_t id = 0;
    std::string name;
    std::string role;  // "annotator" | "expert" | "reviewer"
};

// Returns the id of the annotator with this name, creating it with `role` when absent (an existing
// annotator keeps its role). Throws DbError for an empty name or an unknown role.
int64_t ensureAnnotator(Database& db, const std::string& name, const std::string& role = "annotator");
std::optional<AnnotatorRow> annotatorByName(Database& db, const std::string& name);
std::vector<AnnotatorRow> listAnnotators(Database& db);  // by id

// What each person has on their plate: for `srllm annotator list` and the assignment dialog.
struct AnnotatorWorkload {
    AnnotatorRow annotator;
    int64_t assigned = 0;  // items in their queue by assignment or routing
    int64_t routed = 0;    // of those, routed for disagreement or to them as expert
    int64_t open = 0;      // assigned items without a done annotation of theirs
    int64_t done = 0;      // done annotations (assigned or not)
};
std::vector<AnnotatorWorkload> annotatorWorkloads(Database& db);  // by id

}  // namespace srllm::db
