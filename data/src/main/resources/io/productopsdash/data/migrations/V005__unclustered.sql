-- The weekly theme run's "unclustered" bucket: commented answers of a week that fit no theme
-- (noise). They are kept here, not in answer_themes, so themes never count them.
CREATE TABLE answer_unclustered (
  answer_id INTEGER NOT NULL REFERENCES answers(id),
  week      TEXT NOT NULL,
  series_id INTEGER NOT NULL,
  PRIMARY KEY (answer_id, week)
) WITHOUT ROWID;

CREATE INDEX answer_unclustered_week ON answer_unclustered(series_id, week);
