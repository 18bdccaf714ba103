package io.productopsdash.models;

import java.time.Instant;

/**
 * A stored survey version. Versions of one survey share {@code seriesId} (the id of its first
 * version); sampling and cooldown work on the series, answers and scores on a version, so trends
 * never mix versions silently. {@code supersededBy} names the next version once there is one.
 */
public record Survey(
    long id,
    long seriesId,
    int version,
    SurveyDraft definition,
    Instant createdAt,
    Long supersededBy) {
  public Survey {
    if (id <= 0 || seriesId <= 0 || version <= 0) {
      throw new IllegalArgumentException("ids and version must be positive: " + id + "/" + seriesId + "/" + version);
    }
    if (definition == null || createdAt == null) {
      throw new IllegalArgumentException("definition and createdAt are required");
    }
  }

  public Scale scale() {
    return definition.scale();
  }

  /** True when this is the series' newest version and it is switched on. */
  public boolean isLive() {
    return supersededBy == null && definition.active();
  }
}
