-- Persistent themes: a theme is a long-lived entity with a readable name, an origin and a history
-- of recorded decisions; each weekly run assigns answers to the living themes first.

-- The theme's readable name (NULL for themes stored before names existed: their label stands in),
-- whether a PM pinned it, how the theme came about, and the theme it split from.
ALTER TABLE themes ADD COLUMN name TEXT;
ALTER TABLE themes ADD COLUMN name_pinned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE themes ADD COLUMN origin TEXT CHECK (origin IN ('NEW', 'FOUND_LATE', 'SPLIT'));
ALTER TABLE themes ADD COLUMN parent_id INTEGER REFERENCES themes(id);

-- Every decision about a theme, stamped with the week whose run made it (a rename by a PM with the
-- week current then). detail is JSON (old and new name of a rename, the interleaving of a merge).
CREATE TABLE theme_events (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  series_id      INTEGER NOT NULL,
  theme_id       INTEGER NOT NULL REFERENCES themes(id),
  week           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('created', 'found_late', 'split_from', 'merged_into', 'renamed', 'retired')),
  other_theme_id INTEGER REFERENCES themes(id),
  detail         TEXT,
  by_pm          INTEGER NOT NULL DEFAULT 0,
  at             TEXT NOT NULL
);

CREATE INDEX theme_events_series ON theme_events(series_id, week);
CREATE INDEX theme_events_theme ON theme_events(theme_id);

-- Later decisions about older answers: from decided_week on, the answer (of answer_week)
-- represents theme_id (it seeded a theme found late, or moved with a split). The answer's own
-- week keeps what that week's run decided.
CREATE TABLE theme_links (
  answer_id    INTEGER NOT NULL REFERENCES answers(id),
  series_id    INTEGER NOT NULL,
  answer_week  TEXT NOT NULL,
  theme_id     INTEGER NOT NULL REFERENCES themes(id),
  decided_week TEXT NOT NULL,
  PRIMARY KEY (answer_id, decided_week)
) WITHOUT ROWID;

CREATE INDEX theme_links_series ON theme_links(series_id, decided_week);

-- theme_weeks gains the flags FOUND_LATE and SPLIT and the name the theme had that week; SQLite
-- cannot widen a CHECK, so the table is rebuilt with its rows.
CREATE TABLE theme_weeks_v8 (
  theme_id      INTEGER NOT NULL REFERENCES themes(id),
  week          TEXT NOT NULL,
  size          INTEGER NOT NULL,
  answers_total INTEGER NOT NULL,
  label         TEXT NOT NULL,
  keywords      TEXT NOT NULL,
  quotes        TEXT NOT NULL,
  mean_score    REAL NOT NULL,
  mean_ci_low   REAL,
  mean_ci_high  REAL,
  sentiment_mix TEXT,
  trend         TEXT NOT NULL CHECK (trend IN ('NEW', 'FOUND_LATE', 'SPLIT', 'GROWING', 'SHRINKING', 'STABLE')),
  p_value       REAL,
  centroid      BLOB NOT NULL,
  name          TEXT NOT NULL,
  PRIMARY KEY (theme_id, week)
) WITHOUT ROWID;

INSERT INTO theme_weeks_v8
  SELECT theme_id, week, size, answers_total, label, keywords, quotes, mean_score, mean_ci_low, mean_ci_high,
         sentiment_mix, trend, p_value, centroid, label
  FROM theme_weeks;

DROP TABLE theme_weeks;
ALTER TABLE theme_weeks_v8 RENAME TO theme_weeks;
CREATE INDEX theme_weeks_week ON theme_weeks(week);
