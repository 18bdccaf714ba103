-- The log of theme runs: every run of a series' week, started by the scheduler in `serve`
-- ('schedule'), by the last run after a week closed ('finalise'), or by a person ('manual', the
-- dashboard's "Run now" and POST /api/v1/themes/run). A run still 'running' when its process stopped
-- is marked 'interrupted' at the next start. Instants are ISO-8601 UTC text; weeks 'YYYY-Www'.
CREATE TABLE theme_runs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  series_id   INTEGER NOT NULL,
  week        TEXT NOT NULL,
  trigger     TEXT NOT NULL CHECK (trigger IN ('schedule', 'finalise', 'manual')),
  status      TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted')),
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  answers     INTEGER,
  error       TEXT
);

CREATE INDEX theme_runs_series ON theme_runs(series_id, week, started_at);
