package io.productopsdash.models.rollup;

import io.productopsdash.models.WeekId;
import java.time.Instant;
import java.util.List;

/** Usage per ISO week from {@code from} to {@code to} (every week listed), over events at or before {@code asOf}. */
public record UsageReport(WeekId from, WeekId to, Instant asOf, List<UsageWeek> weeks) {
  public UsageReport {
    Checks.range(from, to);
    Checks.required("asOf", asOf);
    weeks = Checks.list("weeks", weeks);
  }
}
