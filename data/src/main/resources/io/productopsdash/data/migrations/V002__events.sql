-- Product events normalised to the Segment spec, deduplicated on message_id.
-- ts and received_at are epoch milliseconds (UTC) so rollups can scan them cheaply.
CREATE TABLE events (
  id           INTEGER PRIMARY KEY,
  message_id   TEXT NOT NULL UNIQUE,
  type         TEXT NOT NULL,
  name         TEXT,
  user_id      TEXT,
  anonymous_id TEXT,
  ts           INTEGER NOT NULL,
  received_at  INTEGER NOT NULL,
  path         TEXT,
  properties   TEXT,
  traits       TEXT,
  context      TEXT
);

-- anonymousId (or alias previousId, or device id) -> the user it was linked to by identify/alias.
CREATE TABLE identities (
  anonymous_id TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL,
  linked_at    INTEGER NOT NULL
) WITHOUT ROWID;

-- The latest traits seen per user (identify calls), for segments.
CREATE TABLE user_traits (
  user_id    TEXT PRIMARY KEY,
  traits     TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Write keys of HTTP sources; only the key's SHA-256 is stored.
CREATE TABLE sources (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL,
  key_sha256  TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  revoked_at  TEXT
);
