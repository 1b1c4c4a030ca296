#pragma once
// The blind rule, enforced by the store so that no view can leak it by mistake. A connection's Reader
// (db/database.h) says who reads. No reader (CLI, tests) or role "expert": everything is readable.
// Any other role is blind: of an item not yet adjudicated, or still open in the reader's own queue, only
// the reader's own annotation can be read; others' labels, spans, rewrites and the gold are refused with
// AccessDenied, and so is every read that lists everyone's labels at once. Counts stay readable.
// Review mode uses the same rule for reviewers. Threading: like Database.
#include <cstdint>
#include <string_view>

#include "db/database.h"

namespace srllm::db {

class AccessDenied : public DbError {
public:
    using DbError::DbError;
};

// True when the connection's reader is limited by the blind rule.
bool isBlind(const Database& db);
// The reader's annotator id, or 0 for a connection without a reader.
int64_t readerId(const Database& db);

// Throws AccessDenied naming `what` and the reader's role when the reader is blind.
void requireFullAccess(const Database& db, std::string_view what);

// Whether the reader may see other annotators' labels and the gold of this item: always for a full
// reader; for a blind one only once the item has gold and is not open in their queue (assigned to them
// without a done annotation, or their annotation awaits re-review).
bool mayReadOthersOn(Database& db, int64_t itemId);
// Throws AccessDenied unless mayReadOthersOn(itemId).
void requireOthersReadable(Database& db, int64_t itemId, std::string_view what);

}  // namespace srllm::db
