#pragma once
// Saving an edited taxonomy as a new version without losing or silently reinterpreting annotations:
// a removed field or value, or a field whose type changed, is refused while annotations or gold use it,
// unless an explicit value mapping says what the old value becomes. Mappings are recorded in the new
// version's JSON ("value_mappings"); stored annotations keep their taxonomy_version and are not rewritten.
// Threading: call from the thread that owns the Database.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/taxonomy-diff.h"

namespace srllm::db {

class Database;

struct ValueUsage {
    std::string field;
    std::string value;  // empty: the field itself (removed or retyped)
    int64_t annotations = 0;
    int64_t gold = 0;
};

struct ValueMapping {
    std::string field;
    std::string from;  // a value of the old version
    std::string to;    // a value of the same field in the new version
};

struct TaxonomyChangeCheck {
    core::TaxonomyDiff diff;
    core::Diagnostics problems;      // invalid JSON shape, or a used value/field removed without a mapping
    std::vector<ValueUsage> usages;  // every removed/retyped field or removed value with its use counts
    bool ok() const { return problems.empty(); }
};

// How many annotations (any taxonomy version) and gold rows hold field = value; an empty value counts
// rows that hold the field at all.
ValueUsage countValueUsage(Database& db, const std::string& field, const std::string& value);

// Checks `edited` against the current version. A problem names the field, value and the number of
// annotations that use it, with a hint to map the value instead.
TaxonomyChangeCheck checkTaxonomyChange(Database& db, const nlohmann::json& edited,
                                        const std::vector<ValueMapping>& mappings);

// Runs the check and, when it passes, stores `edited` plus the mappings as the next version (through
// addTaxonomyVersion), marks the annotations it affects for re-review (db/rereview.h) and returns its
// number. Throws core::InputError with the first problem otherwise.
int saveTaxonomyVersion(Database& db, const nlohmann::json& edited, const std::vector<ValueMapping>& mappings);

}  // namespace srllm::db
