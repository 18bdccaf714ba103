-- Sentence embeddings, weekly themes and their tracking, feature requests.
-- Vectors are float32 little-endian BLOBs; weeks 'YYYY-Www'; instants ISO-8601 UTC text.
CREATE TABLE answer_embeddings (
  answer_id INTEGER PRIMARY KEY REFERENCES answers(id),
  model     TEXT NOT NULL,
  vector    BLOB NOT NULL
);

-- A theme's identity, stable across the weeks it is tracked in.
CREATE TABLE themes (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  series_id  INTEGER NOT NULL,
  first_week TEXT NOT NULL,
  label      TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE INDEX themes_series ON themes(series_id, first_week);

CREATE TABLE theme_weeks (
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
  trend         TEXT NOT NULL CHECK (trend IN ('NEW', 'GROWING', 'SHRINKING', 'STABLE')),
  p_value       REAL,
  centroid      BLOB NOT NULL,
  PRIMARY KEY (theme_id, week)
) WITHOUT ROWID;

CREATE INDEX theme_weeks_week ON theme_weeks(week);

CREATE TABLE answer_themes (
  answer_id INTEGER NOT NULL REFERENCES answers(id),
  week      TEXT NOT NULL,
  theme_id  INTEGER NOT NULL REFERENCES themes(id),
  sub_theme INTEGER,
  PRIMARY KEY (answer_id, week)
) WITHOUT ROWID;

CREATE INDEX answer_themes_theme ON answer_themes(theme_id, week);

CREATE TABLE feature_requests (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  series_id  INTEGER NOT NULL,
  label      TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'new'
             CHECK (status IN ('new', 'acknowledged', 'planned', 'shipped', 'declined')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE answer_feature_requests (
  answer_id  INTEGER PRIMARY KEY REFERENCES answers(id),
  request_id INTEGER NOT NULL REFERENCES feature_requests(id)
);

CREATE INDEX answer_feature_requests_request ON answer_feature_requests(request_id);
