-- 005: the activities' follow-up history (issue 11).
-- Every status an activity had for a period, as a fill or run found it: set in the workbook
-- (origin 'set'), carried from an earlier tertial ('carried'), flagged by the deadline rule
-- ('rule') or not reported ('not-reported', status NULL). A row is added only when something
-- changed since the last row for the same activity and period, so the rows are the history.
-- Who set a status is a person: kept only as a keyed hash (HMAC-SHA256, key outside this file).

CREATE TABLE activity_follow_ups (
  id            INTEGER PRIMARY KEY,
  activity_id   TEXT    NOT NULL,          -- perspective/name, normalised (core/activities)
  perspective   TEXT    NOT NULL,
  activity_name TEXT    NOT NULL,
  deadline      TEXT    NOT NULL,          -- the "Slutfört" text as read ('' when none)
  period        TEXT    NOT NULL,          -- '2019-T2'
  status        TEXT,                      -- done | on-track | late | not-started | cancelled; NULL not reported
  origin        TEXT    NOT NULL,          -- set | carried | rule | not-reported
  comment       TEXT    NOT NULL,          -- personnummer masked
  set_by_hash   TEXT,                      -- keyed hash of who set it; NULL when not said or by the rule
  workbook      TEXT    NOT NULL,          -- the workbook's file name
  recorded_at   TEXT    NOT NULL           -- ISO 8601, UTC
);
CREATE INDEX activity_follow_ups_latest ON activity_follow_ups (activity_id, period, id);
