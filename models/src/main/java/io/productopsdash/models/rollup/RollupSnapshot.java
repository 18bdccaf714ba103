package io.productopsdash.models.rollup;

import io.productopsdash.models.WeekId;
import java.time.Instant;

/**
 * Rollups computed elsewhere (the Spark job) and imported into the workspace: where they came
 * from ({@code source}: the job, its input format and paths), the evaluation instant they were
 * computed as of, the ISO weeks they cover, how many events the job counted (after removing
 * duplicates), and when they were imported. A report served from a snapshot carries this.
 */
public record RollupSnapshot(long id, String source, Instant asOf, WeekId from, WeekId to, long events, Instant importedAt) {
  public RollupSnapshot {
    Checks.required("source", source);
    Checks.required("asOf", asOf);
    Checks.range(from, to);
    Checks.count("events", events);
    Checks.required("importedAt", importedAt);
  }
}
