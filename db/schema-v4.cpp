#include "db/schema-v4.h"

namespace srllm::db {

// NOTE: db/migrations.cpp applies this as step 4; a later change is a new step, never an edit here.
std::string_view schemaV4Sql() {
    return R"sql(
-- Why an item is in an annotator's queue: a lead's assignment, or routed by disagreement to one more
-- annotator or to an expert; detail says which fields disagreed and how much (shown in the queue).
ALTER TABLE assignments ADD COLUMN reason TEXT NOT NULL DEFAULT 'assigned'
  CHECK (reason IN ('assigned', 'disagreement', 'expert'));
ALTER TABLE assignments ADD COLUMN detail TEXT;

-- Set when a new taxonomy or guideline version affects a done annotation (the reason is shown in the
-- annotator's queue); cleared when the annotator saves it as done again.
ALTER TABLE annotations ADD COLUMN review_reason TEXT;
-- Characters pasted into the rewrite (paste detection in the annotator analytics).
ALTER TABLE annotations ADD COLUMN pasted_chars INTEGER NOT NULL DEFAULT 0 CHECK (pasted_chars >= 0);
CREATE INDEX annotations_review ON annotations(annotator_id, item_id) WHERE review_reason IS NOT NULL;

CREATE TABLE project_settings (
  key   TEXT PRIMARY KEY CHECK (length(key) > 0),
  value TEXT NOT NULL CHECK (json_valid(value))
) WITHOUT ROWID;

-- Pre-annotations from a scorer, a model or a lexicon: shown to annotators as suggestions, never stored
-- as their labels. source names where they came from ("lexicon:ldnoobw_en.txt", "gpt-3.5", ...).
CREATE TABLE suggestions (
  id         INTEGER PRIMARY KEY,
  item_id    INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  source     TEXT NOT NULL CHECK (length(source) > 0),
  labels     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(labels) AND json_type(labels) = 'object'),
  spans      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(spans) AND json_type(spans) = 'array'),
  rewrite    TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (item_id, source)
);
-- Which annotator was shown which suggestion: the denominator of the acceptance rate.
CREATE TABLE suggestion_views (
  suggestion_id INTEGER NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  annotator_id  INTEGER NOT NULL REFERENCES annotators(id) ON DELETE CASCADE,
  shown_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (suggestion_id, annotator_id)
) WITHOUT ROWID;
CREATE INDEX suggestion_views_annotator ON suggestion_views(annotator_id);
)sql";
}

}  // namespace srllm::db
