#pragma once
// The item browser's queries: the ids matching a filter (dataset, full-text search, label, annotator,
// status, agreement) and the display rows of a page of ids. Kept apart from db/items.h because these join
// annotations and gold. A blind reader (db/access.h) filters by their own labels only, gets AccessDenied
// for gold, agreement or another annotator's filters, and sees no gold provenance; counts stay.
// Threading: call from the thread that owns the Database.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace srllm::db {

class Database;

enum class BrowseStatus {
    Any,
    Unannotated,  // no annotation at all
    InProgress,   // at least one annotation is a draft
    Done,         // annotated, and no annotation is a draft
    Gold,         // has a gold row
};

enum class BrowseAgreement {
    Any,
    Unanimous,  // >= 2 done annotations, all with identical labels
    Disputed,   // >= 2 done annotations whose labels differ
};

enum class LabelSource { Annotations, Gold };

struct BrowseFilter {
    std::optional<int64_t> datasetId;
    std::string search;  // FTS5 words, as in ItemQuery::search
    std::optional<std::string> labelField;  // with labelValue: field = value (single or one of a multi set)
    std::string labelValue;
    LabelSource labelSource = LabelSource::Annotations;
    std::optional<int64_t> annotatorId;  // items this annotator has an annotation for
    BrowseStatus status = BrowseStatus::Any;
    BrowseAgreement agreement = BrowseAgreement::Any;

    bool operator==(const BrowseFilter&) const = default;
};

struct BrowseRow {
    int64_t id = 0;
    int64_t datasetId = 0;
    std::string textPreview;  // the first kPreviewCodePoints code points of the text
    std::string datasetName;
    int64_t annotations = 0;
    std::optional<std::string> goldProvenance;  // always empty for a blind reader
    std::optional<std::string> split;
};

inline constexpr int kPreviewCodePoints = 300;

struct DatasetEntry {
    int64_t id = 0;
    std::string name;
};
// Every dataset, by name, for the browser's dataset filter.
std::vector<DatasetEntry> browseDatasets(Database& db);

// Ids of the items matching the filter, ascending, in one pass (see docs/BENCHMARKS.md for timings).
std::vector<int64_t> browseItemIds(Database& db, const BrowseFilter& filter);
// The first `limit` matching ids, ascending: what the browser shows while browseItemIds runs.
std::vector<int64_t> browseFirstItemIds(Database& db, const BrowseFilter& filter, int64_t limit);
// The number of matching items, without materialising the ids.
int64_t countBrowseItems(Database& db, const BrowseFilter& filter);
// Display rows for these ids (in the order given; ids that no longer exist are skipped).
std::vector<BrowseRow> browseRows(Database& db, const std::vector<int64_t>& ids);

}  // namespace srllm::db
