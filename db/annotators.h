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

}  // namespace srllm::db
