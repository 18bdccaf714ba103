-- The weekly digest email: who receives a survey series' digest, and what was sent to whom.
-- Addresses compare case-insensitively (NOCASE), so Ann@x.io and ann@x.io are one subscriber.
CREATE TABLE digest_subscribers (
  series_id  INTEGER NOT NULL,
  email      TEXT NOT NULL COLLATE NOCASE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (series_id, email)
) WITHOUT ROWID;

-- One row per (series, ISO week, recipient): the row is claimed (status 'sending') in its own
-- committed transaction before the message leaves, so a digest is sent at most once for the same
-- week and recipient even across restarts. 'failed' rows are retried from next_attempt_at on;
-- 'rejected' (a permanent SMTP refusal) and 'uncertain' (a send interrupted after its claim, so it
-- may have been delivered) are reported and never resent automatically.
CREATE TABLE digest_sends (
  series_id       INTEGER NOT NULL,
  week            TEXT NOT NULL,
  recipient       TEXT NOT NULL COLLATE NOCASE,
  survey_id       INTEGER NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'rejected', 'uncertain')),
  attempts        INTEGER NOT NULL,
  message_id      TEXT,
  last_error      TEXT,
  claimed_at      TEXT NOT NULL,
  next_attempt_at TEXT,
  sent_at         TEXT,
  updated_at      TEXT NOT NULL,
  PRIMARY KEY (series_id, week, recipient)
) WITHOUT ROWID;

CREATE INDEX digest_sends_status ON digest_sends(status);
