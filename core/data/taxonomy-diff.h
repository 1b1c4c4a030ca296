#pragma once
// What changed between two taxonomy versions, and whether an edited taxonomy is well formed. The
// taxonomy editor uses this to keep a new version from silently reinterpreting existing annotations:
// removed fields and values are listed so db/taxonomy-migration can count the annotations that use them.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/diagnostics.h"

namespace srllm::core {

struct TaxonomyValueRef {
    std::string field;
    std::string value;
    bool operator==(const TaxonomyValueRef&) const = default;
};

struct TaxonomyDiff {
    std::vector<std::string> fieldsAdded;
    std::vector<std::string> fieldsRemoved;  // a renamed key counts as removed + added
    std::vector<std::string> fieldsRetyped;  // single <-> multi: stored labels change shape
    std::vector<TaxonomyValueRef> valuesAdded;
    std::vector<TaxonomyValueRef> valuesRemoved;  // of fields present in both; a renamed value is removed + added
    std::vector<std::string> fieldsReworded;      // label, definition, examples, ordered or value order changed

    bool empty() const;
};

// Compares the "fields" arrays by key (before/after order). Call validateTaxonomy on both first: fields
// without a string key are ignored here.
TaxonomyDiff diffTaxonomies(const nlohmann::json& before, const nlohmann::json& after);

// Problems that make a taxonomy unusable: missing "fields", empty or duplicate keys, a type other than
// single|multi, no values, empty or duplicate values. Each names "fields[i]" and the key; empty when fine.
Diagnostics validateTaxonomy(const nlohmann::json& taxonomy, const std::string& where);

}  // namespace srllm::core
