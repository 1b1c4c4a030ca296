#pragma once
// The label fields of a stored taxonomy as typed structs, and the check that a label value fits one.
// Agreement, adjudication and packages read taxonomies through this so they agree on what a valid vote is.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace srllm::db {

struct AnnotationRow;

struct TaxonomyField {
    std::string key;
    bool multi = false;    // "type": "multi" (a set of values) vs "single"
    bool ordered = false;  // values are ranked in list order (ordinal agreement)
    std::vector<std::string> values;
};

// Throws core::InputError naming "taxonomy vN" and the field index when a field lacks key/values/type.
std::vector<TaxonomyField> taxonomyFields(const nlohmann::json& taxonomy, int version);

// A rationale tag a reviewer may tick on a review output (docs/REVIEW.md): a stable key and the text shown.
struct ReviewTag {
    std::string key;
    std::string label;  // the key when the taxonomy gives none
};

// The taxonomy's "review_tags" ([{"key", "label"}], in display order); the default taxonomy's list when it
// has none. Throws core::InputError naming "taxonomy vN" and the entry when one lacks a key or repeats one.
std::vector<ReviewTag> reviewTags(const nlohmann::json& taxonomy, int version);

// Index of the value in the field's list, or nullopt.
std::optional<int> valueIndex(const TaxonomyField& field, const std::string& value);

// The valid value indices a label JSON holds for the field: one index for a single field, the sorted set
// (maybe empty) for a multi field; nullopt when the field is absent or holds something invalid.
std::optional<std::vector<int>> labelIndices(const TaxonomyField& field, const nlohmann::json& labels);

// The valid votes of some annotations on a field: how many gave each value (a multi field's value is its
// whole set) and how many voted at all. Routing and annotator analytics count agreement from this.
struct FieldVotes {
    std::map<std::vector<int>, int> groups;
    int votes = 0;
};
FieldVotes fieldVotes(const TaxonomyField& field, const std::vector<AnnotationRow>& annotations);

}  // namespace srllm::db
