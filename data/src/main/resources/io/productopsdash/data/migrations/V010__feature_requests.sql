-- Feature requests as asks a PM manages (issue 14). named_from: how many asks a run's name was
-- chosen from (the run names a group again when it has doubled since). A group is one ask ("Support Bitcoin
-- Lightning"); each ask of an answer is a row of request_asks (an answer asking for two things is
-- in two groups); PM actions are kept in request_events. The former tables' groups keep their ids,
-- names, statuses ('acknowledged' became 'under_review', recorded as an event) and answers.
CREATE TABLE request_groups (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  series_id   INTEGER NOT NULL,
  name        TEXT NOT NULL,
  name_pinned INTEGER NOT NULL DEFAULT 0,
  key         TEXT,
  named_from  INTEGER NOT NULL DEFAULT 0,
  parent_id   INTEGER REFERENCES request_groups(id),
  merged_into INTEGER REFERENCES request_groups(id),
  status      TEXT NOT NULL DEFAULT 'new'
              CHECK (status IN ('new', 'under_review', 'planned', 'in_progress', 'shipped', 'declined')),
  status_note TEXT,
  status_by   TEXT,
  status_at   TEXT,
  link        TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE INDEX request_groups_series ON request_groups(series_id);

-- origin_id: the group the ask was first put in; it stays when a PM merges that group into
-- another, so later asks like the merged group's join the group it was merged into.
-- pinned: placed by a PM (split); theme runs leave such rows alone.
CREATE TABLE request_asks (
  answer_id  INTEGER NOT NULL REFERENCES answers(id),
  request_id INTEGER NOT NULL REFERENCES request_groups(id),
  origin_id  INTEGER NOT NULL,
  phrase     TEXT NOT NULL,
  terms      TEXT NOT NULL,
  vector     BLOB,
  language   TEXT NOT NULL DEFAULT 'en',
  pinned     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (answer_id, request_id)
);

CREATE INDEX request_asks_request ON request_asks(request_id);

CREATE TABLE request_events (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id INTEGER NOT NULL REFERENCES request_groups(id),
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('created', 'status', 'renamed', 'merged', 'split', 'link')),
  old_value  TEXT,
  new_value  TEXT,
  note       TEXT
);

CREATE INDEX request_events_request ON request_events(request_id, at);

INSERT INTO request_groups (id, series_id, name, status, created_at, updated_at)
  SELECT id, series_id, label, CASE status WHEN 'acknowledged' THEN 'under_review' ELSE status END, created_at, updated_at
  FROM feature_requests;

INSERT INTO request_events (request_id, at, actor, kind, old_value, new_value, note)
  SELECT id, updated_at, 'migration', 'status', 'acknowledged', 'under_review', 'The status acknowledged is now called under review'
  FROM feature_requests WHERE status = 'acknowledged';

INSERT INTO request_asks (answer_id, request_id, origin_id, phrase, terms)
  SELECT f.answer_id, f.request_id, f.request_id, r.label, '' FROM answer_feature_requests f
  JOIN feature_requests r ON r.id = f.request_id;

DROP TABLE answer_feature_requests;

DROP TABLE feature_requests;

-- One row per answer in a request group (its first), for the search index's "feature request" facet.
CREATE VIEW answer_feature_requests AS
  SELECT answer_id, MIN(request_id) AS request_id FROM request_asks GROUP BY answer_id;
