-- 001: the first ledger schema.
-- One row per imported file (batch); the monthly records it gave; keyed hashes for measures
-- that count people or households distinctly across months. No identity number or name in
-- clear is ever stored: `record_keys.key` is an HMAC-SHA256 whose key lives outside this file.

CREATE TABLE batches (
  id            INTEGER PRIMARY KEY,
  file_name     TEXT    NOT NULL,          -- the file's name as given (not its content)
  sha256        TEXT    NOT NULL UNIQUE,   -- the same bytes are never imported twice
  source        TEXT    NOT NULL,          -- source profile id
  months        TEXT    NOT NULL,          -- months the file held, "2019-06" or "2019-01,2019-02"
  bytes         INTEGER NOT NULL,
  rows_read     INTEGER NOT NULL,
  rows_accepted INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  issue_count   INTEGER NOT NULL,
  imported_at   TEXT    NOT NULL           -- ISO 8601, UTC
);

-- Which batch holds each source-month; a re-delivery marks the earlier one replaced.
CREATE TABLE batch_months (
  batch_id    INTEGER NOT NULL REFERENCES batches(id),
  source      TEXT    NOT NULL,
  month       TEXT    NOT NULL,
  replaced_by INTEGER REFERENCES batches(id),
  PRIMARY KEY (batch_id, month)
);
CREATE INDEX batch_months_current ON batch_months (source, month) WHERE replaced_by IS NULL;

-- Sums and counts, never averages: a mean over any period is sum / count of its months.
CREATE TABLE records (
  id        INTEGER PRIMARY KEY,
  batch_id  INTEGER NOT NULL REFERENCES batches(id),
  source    TEXT    NOT NULL,
  measure   TEXT    NOT NULL,
  month     TEXT    NOT NULL,
  breakdown TEXT    NOT NULL,              -- "" = total; "kon=K"; "enhet=JKT&kon=M"
  sum       REAL    NOT NULL,
  count     INTEGER NOT NULL,
  UNIQUE (source, measure, month, breakdown)
);

CREATE TABLE record_keys (
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  key       TEXT    NOT NULL,              -- HMAC-SHA256 hex of an id; never the id itself
  PRIMARY KEY (record_id, key)
) WITHOUT ROWID;

-- Facts about the ledger itself: the check value of the hash key (not the key).
CREATE TABLE ledger_meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
