package io.productopsdash.models.rollup;

import io.productopsdash.models.WeekId;
import java.time.Instant;
import java.util.List;

/**
 * Acquisition per ISO week from {@code from} to {@code to} (every week listed, empty ones too),
 * over the events at or before {@code asOf}. A user's signup is their first signup event; the
 * source is the signup event's configured source property, else its {@code
 * context.campaign.source}, else its {@code properties.utm_source} (a blank value counts as
 * absent and falls through to the next); the segment is the user's
 * stored trait, else the signup event's own traits; {@code (none)} when not found.
 */
public record AcquisitionReport(WeekId from, WeekId to, Instant asOf, List<AcquisitionWeek> weeks) {
  public AcquisitionReport {
    Checks.range(from, to);
    Checks.required("asOf", asOf);
    weeks = Checks.list("weeks", weeks);
  }
}
