-- Text enrichment of answers (CoreNLP lemmas, noun phrases, sentiment), cached per answer.
-- text_sha256 is the SHA-256 (hex) of the comment the row was computed from, after redaction: a row
-- whose hash differs from the answer's current comment is stale and is computed again.
-- lemmas and noun_phrases are JSON arrays of strings. Sentiment comes later, from a slower stage,
-- so it stays NULL until sentiment_at is set.
CREATE TABLE answer_enrichment (
  answer_id       INTEGER PRIMARY KEY REFERENCES answers(id),
  text_sha256     TEXT NOT NULL,
  lemmas          TEXT NOT NULL,
  noun_phrases    TEXT NOT NULL,
  sentiment       TEXT,
  sentiment_score REAL,
  enriched_at     TEXT NOT NULL,
  sentiment_at    TEXT
);

CREATE INDEX answer_enrichment_sentiment_pending ON answer_enrichment(answer_id) WHERE sentiment_at IS NULL;
