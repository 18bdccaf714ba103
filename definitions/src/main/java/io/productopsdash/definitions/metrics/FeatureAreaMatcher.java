package io.productopsdash.definitions.metrics;

import io.productopsdash.models.FeatureArea;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which feature areas an event belongs to, as bits of a long (bit {@code a} for area {@code a} of
 * the configuration): an event belongs to an area when one of the area's event globs matches its
 * name or one of its path globs matches its path ({@link FeatureArea#glob}). The embedded rollups
 * compute the masks once per distinct name and path; the Spark job once per event.
 */
public final class FeatureAreaMatcher {
  /** Feature areas are tracked as bits of a long. */
  public static final int MAX_AREAS = 64;

  private final Pattern[][] eventPatterns;
  private final Pattern[][] pathPatterns;

  /**
   * @throws IllegalArgumentException for more than {@value #MAX_AREAS} areas
   */
  public FeatureAreaMatcher(List<FeatureArea> areas) {
    if (areas.size() > MAX_AREAS) {
      throw new IllegalArgumentException("at most " + MAX_AREAS + " feature areas, got " + areas.size());
    }
    eventPatterns = new Pattern[areas.size()][];
    pathPatterns = new Pattern[areas.size()][];
    for (int a = 0; a < areas.size(); a++) {
      eventPatterns[a] = areas.get(a).eventPatterns().stream().map(FeatureArea::glob).toArray(Pattern[]::new);
      pathPatterns[a] = areas.get(a).pathPatterns().stream().map(FeatureArea::glob).toArray(Pattern[]::new);
    }
  }

  /** The bits of the areas whose event globs match {@code name} (0 for null). */
  public long nameMask(String name) {
    return mask(eventPatterns, name);
  }

  /** The bits of the areas whose path globs match {@code path} (0 for null). */
  public long pathMask(String path) {
    return mask(pathPatterns, path);
  }

  /** The bits of the areas an event with this name and path belongs to. */
  public long mask(String name, String path) {
    return nameMask(name) | pathMask(path);
  }

  private static long mask(Pattern[][] patterns, String text) {
    if (text == null) {
      return 0;
    }
    long out = 0;
    for (int a = 0; a < patterns.length; a++) {
      for (Pattern p : patterns[a]) {
        if (p.matcher(text).matches()) {
          out |= 1L << a;
          break;
        }
      }
    }
    return out;
  }
}
