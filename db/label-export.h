#pragma once
// Exports every annotation, or every gold label, of a project as JSONL or CSV (core/data/annotation-export.h)
// for `srllm export` and the GUI's File > Export. Reads through the blind rule: a blind reader gets
// AccessDenied (db/access.h). Threading: like Database; a worker thread uses its own connection.
#include <cstdint>
#include <ostream>
#include <string>

#include "core/common/progress.h"

namespace srllm::db {

class Database;

enum class LabelTable { Annotations, Gold };
enum class LabelFileFormat { Jsonl, Csv };

// Writes the rows (annotations by item then annotator, gold by item) and returns how many. A cancel from
// `progress` (rows / total) throws core::InputError "export cancelled".
int64_t exportLabels(Database& db, LabelTable table, LabelFileFormat format, std::ostream& out,
                     const core::ProgressCallback& progress);

// exportLabels into `path`, which appears complete or not at all (written as PATH.part, then renamed).
int64_t exportLabelsToFile(Database& db, LabelTable table, LabelFileFormat format, const std::string& path,
                           const core::ProgressCallback& progress);

}  // namespace srllm::db
