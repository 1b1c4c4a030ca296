#include "db/schema-v2.h"

namespace srllm::db {

// NOTE: db/migrations.cpp applies this as step 2 with foreign keys off (SQLite's twelve-step table
// rebuild), then checks them; a later change is a new step, never an edit here.
std::string_view schemaV2Sql() {
    return R"sql(
-- jobs is rebuilt: its status CHECK gains 'cancelling', and each row names its job folder (dir), the device
-- it runs on, and the worker that runs it (pid, host, heartbeat_at) so a killed worker is detected.
CREATE TABLE jobs_v2 (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL DEFAULT 'train' CHECK (kind IN ('train', 'generate', 'evaluate', 'import', 'export')),
  status       TEXT NOT NULL DEFAULT 'queued'
               CHECK (status IN ('queued', 'running', 'cancelling', 'cancelled', 'failed', 'done')),
  dir          TEXT UNIQUE CHECK (dir IS NULL OR length(dir) > 0),
  device       TEXT NOT NULL DEFAULT 'auto' CHECK (length(device) > 0),
  config       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
  snapshot_id  INTEGER REFERENCES snapshots(id),
  progress     REAL CHECK (progress IS NULL OR (progress >= 0 AND progress <= 1)),
  error        TEXT,
  pid          INTEGER,
  host         TEXT,
  heartbeat_at TEXT,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  started_at   TEXT,
  finished_at  TEXT
);
INSERT INTO jobs_v2(id, kind, status, config, snapshot_id, progress, error, created_at, started_at, finished_at)
  SELECT id, kind, status, config, snapshot_id, progress, error, created_at, started_at, finished_at FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_v2 RENAME TO jobs;
CREATE INDEX jobs_status ON jobs(status, device);

-- A snapshot made from v2 on freezes what a run trains on, not only the item texts: each pinned item's
-- split, gold labels and rewrite, and reference rewrites. gold_hash covers all of it; older snapshots
-- keep gold_hash NULL and cannot feed a job.
ALTER TABLE snapshot_items ADD COLUMN split TEXT CHECK (split IS NULL OR split IN ('train', 'val', 'test'));
ALTER TABLE snapshots ADD COLUMN gold_count INTEGER NOT NULL DEFAULT 0 CHECK (gold_count >= 0);
ALTER TABLE snapshots ADD COLUMN gold_hash TEXT CHECK (gold_hash IS NULL OR length(gold_hash) = 64);
CREATE TABLE snapshot_gold (
  snapshot_id      INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  item_id          INTEGER NOT NULL REFERENCES items(id),
  labels           TEXT NOT NULL CHECK (json_valid(labels) AND json_type(labels) = 'object'),
  spans            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(spans) AND json_type(spans) = 'array'),
  rewrite          TEXT,
  provenance       TEXT NOT NULL,
  taxonomy_version INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, item_id)
) WITHOUT ROWID;
CREATE TABLE snapshot_references (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  item_id     INTEGER NOT NULL REFERENCES items(id),
  position    INTEGER NOT NULL CHECK (position >= 0),
  text        TEXT NOT NULL,
  source      TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, item_id, position)
) WITHOUT ROWID;
)sql";
}

}  // namespace srllm::db
