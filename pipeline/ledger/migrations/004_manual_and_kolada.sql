-- 004: yearly values that no export carries (issue 13b).
-- manual_values: every value a controller entered, with who, when and from which source. A
-- changed value is a new row; the earlier rows stay as its history (who, when, old value). The
-- value that counts per measure, breakdown and year is the newest by entered_at, then by id.
-- kolada_values: key figures read from Kolada (a saved file or the live API). A value Kolada
-- lacks is kept with value NULL and its status, so it is shown as missing, never as 0.

CREATE TABLE manual_values (
  id          INTEGER PRIMARY KEY,
  measure     TEXT    NOT NULL,            -- the bindings' measure id under source "manuell"
  breakdown   TEXT    NOT NULL,            -- "" = total; "kon=K"
  year        INTEGER NOT NULL,
  value       REAL    NOT NULL,
  entered_by  TEXT    NOT NULL,            -- as the controller signed it (initials)
  entered_at  TEXT    NOT NULL,            -- YYYY-MM-DD, as entered
  source_text TEXT    NOT NULL,            -- where the figure comes from
  origin      TEXT    NOT NULL,            -- the file or workbook sheet it was read from
  recorded_at TEXT    NOT NULL             -- when Bilaga stored it, ISO 8601 UTC
);
CREATE INDEX manual_values_key ON manual_values (measure, breakdown, year);

CREATE TABLE kolada_values (
  kpi          TEXT    NOT NULL,
  municipality TEXT    NOT NULL,
  year         INTEGER NOT NULL,
  gender       TEXT    NOT NULL,           -- T, K or M
  value        REAL,                       -- NULL: Kolada has no value (missing, not 0)
  status       TEXT    NOT NULL,           -- Kolada's status, "" for a normal value
  origin       TEXT    NOT NULL,           -- the file or address it was read from
  recorded_at  TEXT    NOT NULL,
  PRIMARY KEY (kpi, municipality, year, gender)
);
