package io.productopsdash.models.theme;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import io.productopsdash.models.WeekId;

/**
 * A group of answers asking for the same thing (one ask), with its counts.
 *
 * @param id the group's id
 * @param seriesId the survey series it came from
 * @param name what is asked for, unique in the series ("Support Bitcoin Lightning")
 * @param namePinned true when a PM named it (runs keep the name)
 * @param status where it stands
 * @param statusNote the note given with the latest status change, or null
 * @param statusBy who made the latest status change, or null
 * @param statusAt when, or null
 * @param link an external link (issue tracker), http or https, or null
 * @param parentId the group of the family it belongs to ("Support hardware wallets"), or null
 * @param mergedInto the group it was merged into, or null
 * @param requesters distinct users who asked, in this group and its children
 * @param answers answers in this group and its children
 * @param weekly distinct requesters per ISO week (this group and its children), weeks ascending
 */
public record FeatureRequest(
    long id,
    long seriesId,
    String name,
    boolean namePinned,
    RequestStatus status,
    String statusNote,
    String statusBy,
    Instant statusAt,
    String link,
    Long parentId,
    Long mergedInto,
    Instant createdAt,
    Instant updatedAt,
    int requesters,
    int answers,
    SortedMap<WeekId, Integer> weekly) {
  /** Copies the weekly counts. */
  public FeatureRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    weekly = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(weekly)));
  }
}
