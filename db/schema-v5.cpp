#include "db/schema-v5.h"

namespace srllm::db {

// NOTE: db/migrations.cpp applies this as step 5; a later change is a new step, never an edit here.
// Outputs are generations rows of schema v3's generation runs; db/review-*.cpp keep the blind rule.
std::string_view schemaV5Sql() {
    return R"sql(
CREATE TABLE review_sessions (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  item_count         INTEGER NOT NULL CHECK (item_count > 0),
  reviewers_per_item INTEGER NOT NULL CHECK (reviewers_per_item >= 1),
  seed               INTEGER NOT NULL,
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE review_session_runs (
  session_id INTEGER NOT NULL REFERENCES review_sessions(id) ON DELETE CASCADE,
  run_id     INTEGER NOT NULL REFERENCES generation_runs(id),
  ordinal    INTEGER NOT NULL CHECK (ordinal >= 0),
  PRIMARY KEY (session_id, run_id)
) WITHOUT ROWID;

-- Two runs' outputs for one test item; output_a is shown on the left. Which run that is stays hidden from a
-- reviewer until they have judged (db/review-queue.cpp); stratum is the item's risk when it was drawn.
CREATE TABLE review_comparisons (
  id         INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES review_sessions(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL CHECK (position >= 0),
  stratum    TEXT NOT NULL,
  output_a   INTEGER NOT NULL REFERENCES generations(id),
  output_b   INTEGER NOT NULL REFERENCES generations(id),
  CHECK (output_a <> output_b)
);
CREATE INDEX review_comparisons_session ON review_comparisons(session_id, id);

CREATE TABLE review_assignments (
  comparison_id INTEGER NOT NULL REFERENCES review_comparisons(id) ON DELETE CASCADE,
  reviewer_id   INTEGER NOT NULL REFERENCES annotators(id) ON DELETE CASCADE,
  queue_order   INTEGER NOT NULL,
  PRIMARY KEY (comparison_id, reviewer_id)
) WITHOUT ROWID;
CREATE INDEX review_assignments_reviewer ON review_assignments(reviewer_id, queue_order);

-- A judgement exists only for an assignment. Scores are 1-5 (NULL: not given); tags are rationale keys.
CREATE TABLE review_judgements (
  comparison_id INTEGER NOT NULL,
  reviewer_id   INTEGER NOT NULL,
  verdict       TEXT NOT NULL CHECK (verdict IN ('a', 'b', 'tie', 'both_unsafe')),
  safety_a      INTEGER CHECK (safety_a BETWEEN 1 AND 5),
  safety_b      INTEGER CHECK (safety_b BETWEEN 1 AND 5),
  language_a    INTEGER CHECK (language_a BETWEEN 1 AND 5),
  language_b    INTEGER CHECK (language_b BETWEEN 1 AND 5),
  tags_a        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags_a) AND json_type(tags_a) = 'array'),
  tags_b        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags_b) AND json_type(tags_b) = 'array'),
  comment       TEXT,
  seconds       REAL NOT NULL DEFAULT 0 CHECK (seconds >= 0),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (comparison_id, reviewer_id),
  FOREIGN KEY (comparison_id, reviewer_id) REFERENCES review_assignments(comparison_id, reviewer_id) ON DELETE CASCADE
) WITHOUT ROWID;
)sql";
}

}  // namespace srllm::db
