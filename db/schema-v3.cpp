#include "db/schema-v3.h"

namespace srllm::db {

// NOTE: db/migrations.cpp applies this as step 3 with foreign keys off, then checks them; a later change
// is a new step, never an edit here.
std::string_view schemaV3Sql() {
    return R"sql(
-- A generation run: one model (or the original texts themselves) over a test set frozen at creation, with
-- the decoding settings and the model's hash. An interrupted run keeps status 'running' and resumes.
CREATE TABLE generation_runs (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  kind          TEXT NOT NULL CHECK (kind IN ('original', 'model')),
  job_dir       TEXT,
  base_model    TEXT,
  adapter       TEXT,
  model_hash    TEXT,
  template      TEXT,
  decoding      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(decoding) AND json_type(decoding) = 'object'),
  test_set      TEXT NOT NULL CHECK (length(test_set) > 0),
  test_set_hash TEXT NOT NULL CHECK (length(test_set_hash) = 64),
  item_count    INTEGER NOT NULL CHECK (item_count > 0),
  status        TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done')),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  finished_at   TEXT,
  CHECK (kind = 'original' OR base_model IS NOT NULL)
);

-- The test set as the run saw it: the source text, its reference rewrites and its group (BOLD's
-- category, a project's dataset), so later edits to items never change what a run was scored against.
CREATE TABLE generation_run_items (
  run_id     INTEGER NOT NULL REFERENCES generation_runs(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL CHECK (position >= 0),
  item_id    INTEGER REFERENCES items(id) ON DELETE SET NULL,
  source     TEXT NOT NULL,
  refs       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(refs) AND json_type(refs) = 'array'),
  grp        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, position)
) WITHOUT ROWID;

-- Each output is a generations row of its run, at most one per position (so a resumed run never
-- generates an item twice).
ALTER TABLE generations ADD COLUMN generation_run_id INTEGER REFERENCES generation_runs(id) ON DELETE CASCADE;
ALTER TABLE generations ADD COLUMN position INTEGER CHECK (position IS NULL OR position >= 0);
CREATE UNIQUE INDEX generations_run_position ON generations(generation_run_id, position)
  WHERE generation_run_id IS NOT NULL;

-- metric_values is rebuilt: a value records the scorer it came from (scorer_hash, '' for none) beside
-- the metric version, so a changed scorer or method stores new values beside the old; a value may be
-- NULL (undefined: a text without words has no reading level); generation_run_id finds a run's values.
CREATE TABLE metric_values_v3 (
  id                INTEGER PRIMARY KEY,
  subject_kind      TEXT NOT NULL
                    CHECK (subject_kind IN ('run', 'checkpoint', 'generation', 'item', 'snapshot', 'generation_run')),
  subject_id        INTEGER NOT NULL,
  generation_run_id INTEGER REFERENCES generation_runs(id) ON DELETE CASCADE,
  metric            TEXT NOT NULL CHECK (length(metric) > 0),
  metric_version    INTEGER NOT NULL DEFAULT 1 CHECK (metric_version >= 1),
  scorer_hash       TEXT NOT NULL DEFAULT '' CHECK (scorer_hash = '' OR length(scorer_hash) = 64),
  value             REAL,
  details           TEXT CHECK (details IS NULL OR json_valid(details)),
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (subject_kind, subject_id, metric, metric_version, scorer_hash)
);
INSERT INTO metric_values_v3(id, subject_kind, subject_id, metric, metric_version, value, details, created_at)
  SELECT id, subject_kind, subject_id, metric, metric_version, value, details, created_at FROM metric_values;
DROP TABLE metric_values;
ALTER TABLE metric_values_v3 RENAME TO metric_values;
CREATE INDEX metric_values_run ON metric_values(generation_run_id, metric, metric_version, scorer_hash);

-- An evaluation: the runs compared, the scorer, and the table as printed (rows, intervals, tests).
CREATE TABLE evaluations (
  id          INTEGER PRIMARY KEY,
  run_ids     TEXT NOT NULL CHECK (json_valid(run_ids) AND json_type(run_ids) = 'array'),
  scorer_hash TEXT NOT NULL DEFAULT '',
  result      TEXT NOT NULL CHECK (json_valid(result)),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
)sql";
}

}  // namespace srllm::db
