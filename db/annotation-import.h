#pragma once
// Imports annotations (the `annotations` JSONL format), or suggestions (the same format with "source"),
// into a project: one transaction, all or nothing.
#include <cstdint>

#include "core/common/diagnostics.h"
#include "core/common/progress.h"
#include "core/data/annotation-jsonl.h"

namespace srllm::db {

class Project;

struct AnnotationImportReport {
    int64_t annotations = 0;        // rows written (new or replaced)
    int64_t replaced = 0;           // of those, rows that replaced an earlier annotation
    int64_t annotatorsCreated = 0;  // annotators that did not exist before
    int64_t routed = 0;             // items routed for disagreement afterwards (db/routing.h)
    core::Diagnostics warnings;     // reader warnings and repeated item+annotator lines
};

// Resolves each record's item by external id, then by exact text; creates missing annotators (role
// "annotator"); checks labels against the current taxonomy (known field, allowed value, single vs
// multi) and spans against the text length; saves each as a "done" annotation. Any problem throws
// core::InputError naming the file, line and key, and the project is left unchanged; so does a cancel
// from `progress` (called with bytes read / total).
AnnotationImportReport importAnnotations(Project& project, core::AnnotationReader& reader,
                                         const core::ProgressCallback& progress);

struct SuggestionImportReport {
    int64_t suggestions = 0;     // rows written (new or replacing the same item and source)
    core::Diagnostics warnings;  // reader warnings
};

// Imports the `suggestions` format (a reader made with core::kSuggestionSourceKey) into the suggestions
// table (db/suggestions.h), never as labels; items and labels are checked as for annotations. All or
// nothing, like importAnnotations.
SuggestionImportReport importSuggestions(Project& project, core::AnnotationReader& reader,
                                         const core::ProgressCallback& progress);

}  // namespace srllm::db
