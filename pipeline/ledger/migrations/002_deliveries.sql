-- 002: deliveries that are not one month of the measured date (issue 9). A source profile says
-- what one file is ("delivery"); the import plans how a new file combines with what is held
-- (core/records/planDelivery.ts). `records` stays the current figures for every source; the
-- tables below keep what a "parts" or "rows" delivery needs to replace only its own share.
-- Row keys are keyed hashes (HMAC-SHA256, key outside this file), never an id in clear.

-- The profile's delivery mode when the file was imported; earlier batches were one month each.
ALTER TABLE batches ADD COLUMN delivery TEXT NOT NULL DEFAULT 'one-month';

-- Rows the delivery gave the month (NULL: imported before 002), and for "parts" the units it
-- holds for the month (a JSON list).
ALTER TABLE batch_months ADD COLUMN rows INTEGER;
ALTER TABLE batch_months ADD COLUMN parts TEXT;

-- "parts": each delivery's own records, so a re-delivered unit replaces only its own share and
-- the month's records are the sum over the deliveries that hold it now.
CREATE TABLE part_records (
  id        INTEGER PRIMARY KEY,
  batch_id  INTEGER NOT NULL REFERENCES batches(id),
  source    TEXT    NOT NULL,
  measure   TEXT    NOT NULL,
  month     TEXT    NOT NULL,
  breakdown TEXT    NOT NULL,
  sum       REAL    NOT NULL,
  count     INTEGER NOT NULL
);
CREATE INDEX part_records_month ON part_records (source, month, batch_id);

CREATE TABLE part_record_keys (
  part_record_id INTEGER NOT NULL REFERENCES part_records(id) ON DELETE CASCADE,
  key            TEXT    NOT NULL,           -- HMAC-SHA256 hex of an id; never the id itself
  PRIMARY KEY (part_record_id, key)
) WITHOUT ROWID;

-- "rows": the current version of every row of a list sliced into files, by its key. `facts` is
-- what the row adds to each measure (JSON: [measure, [breakdowns], value in ten-thousandths,
-- [keyed hashes]?]); month '' = the row counts in no month (a pending case).
CREATE TABLE keyed_rows (
  source   TEXT    NOT NULL,
  row_key  TEXT    NOT NULL,                 -- HMAC-SHA256 hex of the key column; never the key itself
  batch_id INTEGER NOT NULL REFERENCES batches(id),
  month    TEXT    NOT NULL,
  facts    TEXT    NOT NULL,
  PRIMARY KEY (source, row_key)
) WITHOUT ROWID;
CREATE INDEX keyed_rows_month ON keyed_rows (source, month, batch_id);

-- Which delivery replaced how many rows of which earlier delivery, per month of the earlier row.
CREATE TABLE keyed_replacements (
  batch_id       INTEGER NOT NULL REFERENCES batches(id),
  replaced_batch INTEGER NOT NULL REFERENCES batches(id),
  month          TEXT    NOT NULL,
  rows           INTEGER NOT NULL,
  changed        INTEGER NOT NULL,            -- of them, rows whose content differs
  PRIMARY KEY (batch_id, replaced_batch, month)
);
