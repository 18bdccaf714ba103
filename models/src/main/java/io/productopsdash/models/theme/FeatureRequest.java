package io.productopsdash.models.theme;

import io.productopsdash.models.WeekId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A group of answers asking for the same thing, with its counts.
 *
 * @param id the request's id
 * @param seriesId the survey series it came from
 * @param label what is asked for
 * @param status where it stands
 * @param requesters distinct users who asked
 * @param answers answers assigned to it
 * @param weekly answers per ISO week, weeks ascending
 */
public record FeatureRequest(
    long id,
    long seriesId,
    String label,
    RequestStatus status,
    Instant createdAt,
    Instant updatedAt,
    int requesters,
    int answers,
    SortedMap<WeekId, Integer> weekly) {
  /** Copies the weekly counts. */
  public FeatureRequest {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(status, "status");
    weekly = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(weekly)));
  }
}
