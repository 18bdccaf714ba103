-- Rollups computed outside this workspace (the Spark job over event files), imported with
-- `productopsdash import-rollups DIR`; served when the stored events do not cover a period.
CREATE TABLE rollup_snapshots (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  source       TEXT NOT NULL,     -- where the numbers come from: job, input format and paths
  as_of        INTEGER NOT NULL,  -- the job's evaluation instant, epoch ms
  from_week    TEXT NOT NULL,     -- first ISO week of the reports
  to_week      TEXT NOT NULL,     -- last ISO week of the reports
  event_count  INTEGER NOT NULL,  -- events the job counted after removing duplicates
  config       TEXT NOT NULL,     -- the metrics configuration JSON the job used
  summary      TEXT NOT NULL,     -- the job's summary.json as written
  imported_at  INTEGER NOT NULL   -- epoch ms
);

-- The snapshot's reports, each as the metrics API's JSON.
CREATE TABLE rollup_snapshot_reports (
  snapshot_id  INTEGER NOT NULL REFERENCES rollup_snapshots(id) ON DELETE CASCADE,
  report       TEXT NOT NULL,     -- acquisition, onboarding, usage or satisfaction
  survey_id    INTEGER NOT NULL,  -- the survey version of a satisfaction report, else 0
  body         TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, report, survey_id)
) WITHOUT ROWID;
