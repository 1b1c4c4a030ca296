#include "db/schema-v1.h"

namespace srllm::db {

// NOTE: db/migrations.cpp applies this as step 1; a later change is a new step, never an edit here.
// Timestamps are ISO-8601 UTC with milliseconds; JSON columns are checked with json_valid.
std::string_view schemaV1Sql() {
    return R"sql(
CREATE TABLE datasets (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- text_hash is the SHA-256 of text: duplicates are refused project-wide. The unique indexes are named
-- (not column constraints) so a large import can drop and rebuild them (db/item-import.cpp).
CREATE TABLE items (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL CHECK (length(uid) = 32),
  dataset_id  INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  external_id TEXT,
  text        TEXT NOT NULL,
  text_hash   BLOB NOT NULL CHECK (length(text_hash) = 32),
  metadata    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  split       TEXT CHECK (split IN ('train', 'val', 'test')),
  spans       TEXT CHECK (spans IS NULL OR json_valid(spans)),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX items_uid ON items(uid);
CREATE UNIQUE INDEX items_text_hash ON items(text_hash);
CREATE INDEX items_dataset ON items(dataset_id);
CREATE INDEX items_external_id ON items(external_id) WHERE external_id IS NOT NULL;

CREATE VIRTUAL TABLE items_fts USING fts5(text, content = 'items', content_rowid = 'id');
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts(items_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF text ON items BEGIN
  INSERT INTO items_fts(items_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO items_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE taxonomies (
  version    INTEGER PRIMARY KEY CHECK (version >= 1),
  json       TEXT NOT NULL CHECK (json_valid(json)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE annotators (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  role       TEXT NOT NULL DEFAULT 'annotator' CHECK (role IN ('annotator', 'expert', 'reviewer')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE assignments (
  item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  annotator_id INTEGER NOT NULL REFERENCES annotators(id) ON DELETE CASCADE,
  assigned_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (item_id, annotator_id)
) WITHOUT ROWID;
CREATE INDEX assignments_annotator ON assignments(annotator_id, item_id);

-- spans: JSON array of [start, end] code-point pairs.
CREATE TABLE annotations (
  id               INTEGER PRIMARY KEY,
  item_id          INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  annotator_id     INTEGER NOT NULL REFERENCES annotators(id) ON DELETE CASCADE,
  taxonomy_version INTEGER NOT NULL REFERENCES taxonomies(version),
  labels           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(labels) AND json_type(labels) = 'object'),
  spans            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(spans) AND json_type(spans) = 'array'),
  rewrite          TEXT,
  seconds          REAL NOT NULL DEFAULT 0 CHECK (seconds >= 0),
  status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'done')),
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (item_id, annotator_id)
);
CREATE INDEX annotations_annotator ON annotations(annotator_id);

CREATE TABLE gold (
  item_id          INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  labels           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(labels) AND json_type(labels) = 'object'),
  spans            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(spans) AND json_type(spans) = 'array'),
  rewrite          TEXT,
  provenance       TEXT NOT NULL CHECK (provenance IN ('unanimous', 'majority', 'expert', 'import')),
  decided_by       INTEGER REFERENCES annotators(id),
  taxonomy_version INTEGER NOT NULL REFERENCES taxonomies(version),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (provenance <> 'expert' OR decided_by IS NOT NULL)
);

CREATE TABLE reference_rewrites (
  id         INTEGER PRIMARY KEY,
  item_id    INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  text       TEXT NOT NULL CHECK (length(text) > 0),
  source     TEXT NOT NULL CHECK (length(source) > 0),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX reference_rewrites_item ON reference_rewrites(item_id);

-- A snapshot pins items for reproducible runs, so deleting a pinned item is refused (no cascade).
CREATE TABLE snapshots (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(name) > 0),
  dataset_id   INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
  item_count   INTEGER NOT NULL CHECK (item_count >= 0),
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE snapshot_items (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  item_id     INTEGER NOT NULL REFERENCES items(id),
  PRIMARY KEY (snapshot_id, item_id)
) WITHOUT ROWID;
CREATE INDEX snapshot_items_item ON snapshot_items(item_id);

CREATE TABLE jobs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('train', 'generate', 'evaluate', 'import', 'export')),
  status      TEXT NOT NULL DEFAULT 'queued'
              CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  config      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
  snapshot_id INTEGER REFERENCES snapshots(id),
  progress    REAL CHECK (progress IS NULL OR (progress >= 0 AND progress <= 1)),
  error       TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  started_at  TEXT,
  finished_at TEXT
);
CREATE INDEX jobs_status ON jobs(status);

CREATE TABLE runs (
  id           INTEGER PRIMARY KEY,
  job_id       INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  base_model   TEXT NOT NULL,
  adapter_path TEXT,
  config       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  finished_at  TEXT
);
CREATE INDEX runs_job ON runs(job_id);

CREATE TABLE checkpoints (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step       INTEGER NOT NULL CHECK (step >= 0),
  path       TEXT NOT NULL,
  loss_train REAL,
  loss_eval  REAL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (run_id, step)
);

CREATE TABLE generations (
  id         INTEGER PRIMARY KEY,
  item_id    INTEGER REFERENCES items(id) ON DELETE CASCADE,
  run_id     INTEGER REFERENCES runs(id) ON DELETE SET NULL,
  model      TEXT NOT NULL,
  adapter    TEXT,
  prompt     TEXT NOT NULL,
  output     TEXT NOT NULL,
  params     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX generations_item ON generations(item_id);
CREATE INDEX generations_run ON generations(run_id);

-- subject_id points into the table named by subject_kind, so it carries no foreign key.
CREATE TABLE metric_values (
  id             INTEGER PRIMARY KEY,
  subject_kind   TEXT NOT NULL CHECK (subject_kind IN ('run', 'checkpoint', 'generation', 'item', 'snapshot')),
  subject_id     INTEGER NOT NULL,
  metric         TEXT NOT NULL CHECK (length(metric) > 0),
  metric_version INTEGER NOT NULL DEFAULT 1 CHECK (metric_version >= 1),
  value          REAL NOT NULL,
  details        TEXT CHECK (details IS NULL OR json_valid(details)),
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (subject_kind, subject_id, metric, metric_version)
);

CREATE TABLE reviews (
  id            INTEGER PRIMARY KEY,
  item_id       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  generation_id INTEGER REFERENCES generations(id) ON DELETE CASCADE,
  reviewer_id   INTEGER NOT NULL REFERENCES annotators(id) ON DELETE CASCADE,
  choice        TEXT NOT NULL CHECK (length(choice) > 0),
  comment       TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX reviews_item ON reviews(item_id);
)sql";
}

}  // namespace srllm::db
