#pragma once
// Imports items from any core::ItemReader into a project: one transaction, all or nothing.
#include <cstdint>
#include <string>

#include "core/common/diagnostics.h"
#include "core/common/progress.h"
#include "core/data/import-record.h"

namespace srllm::db {

class Project;

struct ImportReport {
    int64_t items = 0;       // items added
    int64_t references = 0;  // reference rewrites added
    int64_t duplicates = 0;  // records skipped because their text is already in the project or file
    core::Diagnostics warnings;  // one per skipped duplicate (capped), naming the line
};

// Adds every record to the dataset (created when absent). Records whose text hash is already in the
// project, or earlier in the file, are skipped and counted. A reader error, a database error or a
// cancel from `progress` (called with bytes read / total) rolls everything back and rethrows
// (cancel throws core::InputError "import cancelled").
ImportReport importItems(Project& project, core::ItemReader& reader, const std::string& datasetName,
                         const core::ProgressCallback& progress);

}  // namespace srllm::db
