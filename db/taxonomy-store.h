#pragma once
// Versioned taxonomies: every change is a new version, so old annotations keep their meaning.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace srllm::db {

class Database;

struct TaxonomyRow {
    int version = 0;
    nlohmann::json json;
};

// The highest version; throws DbError when the project has none.
TaxonomyRow currentTaxonomy(Database& db);
// Stores the JSON as the next version and returns that version number.
int addTaxonomyVersion(Database& db, const nlohmann::json& taxonomy);
std::optional<TaxonomyRow> taxonomyVersion(Database& db, int version);
// resources/taxonomy/default-taxonomy.json, embedded at build time.
std::string defaultTaxonomyJson();

}  // namespace srllm::db
