#pragma once
// Annotations made in other tools, read as neutral records before they are mapped onto the taxonomy
// (db/label-mapping.h): Label Studio's JSON export (a list of tasks, each with "data" and "annotations"
// holding "result" regions of type choices, labels or textarea) and doccano's JSONL export ("text" with
// "label": ["cls", ...] for classification or [[start, end, "LABEL"], ...] for sequence labelling, or
// "entities" with start_offset/end_offset). Offsets come out as code points of the text.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/diagnostics.h"
#include "core/data/import-format.h"
#include "core/data/import-record.h"

namespace srllm::core {

// Where a value sits in the file, for error messages: "task 3, annotation 1, result 2" or "line 7".
struct ExternalChoice {
    std::string control;  // Label Studio from_name; doccano: "label"
    std::string value;
    std::string where;
};
struct ExternalSpan {
    Span span;
    std::string label;
    std::string where;
};
struct ExternalText {
    std::string control;  // Label Studio textarea from_name
    std::string text;
    std::string where;
};

struct ExternalAnnotation {
    std::string annotator;
    std::vector<ExternalChoice> choices;
    std::vector<ExternalSpan> spans;
    std::vector<ExternalText> texts;
};

struct ExternalTask {
    int64_t line = 0;   // JSONL line, or 0 for Label Studio (a single JSON document)
    std::string where;  // "task 3" / "line 7"
    std::string text;
    std::vector<ExternalAnnotation> annotations;
};

struct ExternalFile {
    std::string path;
    ImportFormat format = ImportFormat::LabelStudio;  // LabelStudio or Doccano
    std::vector<ExternalTask> tasks;
    Diagnostics warnings;  // cancelled annotations skipped, regions of other types ignored (summed up)
};

// Throws InputError naming the file and the task/line and key for anything that cannot be read, e.g. a
// span whose offsets do not match its text either as code points or as UTF-16 units.
ExternalFile readLabelStudioJson(const std::string& path);
// doccano exports hold no annotator: every record is `annotator`'s.
ExternalFile readDoccanoJsonl(const std::string& path, const std::string& annotator);

}  // namespace srllm::core
