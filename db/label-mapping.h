#pragma once
// Labels made in Label Studio or doccano (core/data/external-annotations.h) mapped onto the project's
// taxonomy. planLabelMapping works out, before anything is written, what every label of the file becomes
// (shown by the GUI's import dialog and `srllm import`), with one error per label that cannot be mapped;
// importExternalAnnotations writes the file only when the plan has none.
// Rules (`--map SOURCE=TARGET`): SOURCE is a choice value, CONTROL/VALUE, a control name (its choices map
// by value, its text becomes the rewrite) or a span label; TARGET is FIELD:VALUE, FIELD, spans, rewrite or
// ignore. Without a rule: a control named like a field maps its values by name, a value found in exactly
// one field maps there, span labels become biased-word spans and a text control the rewrite.
// Threading: like Database.
#include <cstdint>
#include <string>
#include <vector>

#include "core/common/diagnostics.h"
#include "core/common/progress.h"
#include "core/data/external-annotations.h"

namespace srllm::db {

class Database;
class Project;

struct MappingRule {
    std::string source;
    std::string target;
};
// "SOURCE=TARGET"; throws InputError (field "--map") when either side is empty.
MappingRule parseMappingRule(const std::string& spec);

enum class MappingSource { Choice, SpanLabel, Text };

struct MappingEntry {
    MappingSource kind = MappingSource::Choice;
    std::string control;  // choices and texts: the control (Label Studio from_name; doccano "label")
    std::string value;    // choices: the value; span labels: the label
    int64_t count = 0;    // occurrences in the file
    std::string field, fieldValue;  // a choice's target
    bool toSpans = false, toRewrite = false, ignored = false;
    bool byRule = false;  // decided by a --map rule rather than by name
    std::string error;    // why it cannot be mapped; empty when it can
};

// "bias = Yes", "biased-word spans", "rewrite", "ignored", or the error.
std::string mappingTargetText(const MappingEntry& entry);

struct MappingPlan {
    std::vector<MappingEntry> entries;  // choices, span labels, texts; by kind, control, value
    core::Diagnostics problems;         // one per entry that cannot be mapped, and per rule that matches nothing
    int64_t tasks = 0, annotations = 0;
    bool ok() const { return problems.empty(); }
};

MappingPlan planLabelMapping(Database& db, const core::ExternalFile& file, const std::vector<MappingRule>& rules);

struct ExternalImportReport {
    int64_t itemsCreated = 0;  // texts the project did not have, added to the dataset
    int64_t annotations = 0;
    int64_t annotatorsCreated = 0;
    int64_t routed = 0;
    core::Diagnostics warnings;
};

// Throws core::InputError with the plan's first problem when it is not ok, or naming the task when one
// annotation gives a single-value field two values. All or nothing, in one transaction: the missing
// items go to `dataset`, then the annotations are saved as done (as `srllm import` does).
ExternalImportReport importExternalAnnotations(Project& project, const core::ExternalFile& file,
                                               const MappingPlan& plan, const std::string& dataset,
                                               const core::ProgressCallback& progress);

}  // namespace srllm::db
