-- Surveys, the weekly sampling frame and answers. Instants are ISO-8601 UTC text; weeks 'YYYY-Www'.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE surveys (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  series_id      INTEGER NOT NULL,
  version        INTEGER NOT NULL,
  name           TEXT NOT NULL,
  question       TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('CSAT', 'NPS')),
  points         INTEGER NOT NULL CHECK (points BETWEEN 5 AND 11),
  min_label      TEXT,
  max_label      TEXT,
  top_box        INTEGER NOT NULL,
  open_question  TEXT,
  sample_rate    REAL NOT NULL CHECK (sample_rate BETWEEN 0 AND 1),
  cooldown_weeks INTEGER NOT NULL,
  active         INTEGER NOT NULL,
  created_at     TEXT NOT NULL,
  superseded_by  INTEGER REFERENCES surveys(id),
  UNIQUE (series_id, version)
);

-- One row per (survey series, ISO week, user) once the user was found eligible and sampled.
CREATE TABLE sampling_frame (
  series_id    INTEGER NOT NULL,
  week         TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  sampled_at   TEXT NOT NULL,
  shown_at     TEXT,
  dismissed_at TEXT,
  answered_at  TEXT,
  PRIMARY KEY (series_id, week, user_id)
) WITHOUT ROWID;

CREATE INDEX sampling_frame_user ON sampling_frame(series_id, user_id, week);

CREATE TABLE answers (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  response_id TEXT NOT NULL UNIQUE,
  survey_id   INTEGER NOT NULL REFERENCES surveys(id),
  user_id     TEXT NOT NULL,
  week        TEXT NOT NULL,
  score       INTEGER NOT NULL,
  comment     TEXT,
  locale      TEXT,
  url         TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE INDEX answers_survey_week ON answers(survey_id, week);
