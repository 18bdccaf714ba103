-- What redaction removed from each stored answer, by kind (email, phone, name, ...): counts only,
-- never the removed text nor where it was. Rows come from the answer path (secrets in the comment
-- and page URL) and from enrichment (person names), added up per (answer, kind).
CREATE TABLE answer_redactions (
  answer_id INTEGER NOT NULL REFERENCES answers(id),
  kind      TEXT NOT NULL,
  count     INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (answer_id, kind)
) WITHOUT ROWID;
