package io.productopsdash.models;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A core feature area (e.g. "Atomic swap") and the events or page paths that count as using it.
 * Patterns are globs where {@code *} matches any run of characters ({@code swap_*}, {@code
 * /swap*}); matching is case-sensitive.
 */
public record FeatureArea(String name, List<String> eventPatterns, List<String> pathPatterns) {
  public FeatureArea {
    name = Texts.required("featureAreas.name", name, 100);
    eventPatterns = List.copyOf(eventPatterns == null ? List.of() : eventPatterns);
    pathPatterns = List.copyOf(pathPatterns == null ? List.of() : pathPatterns);
    if (eventPatterns.isEmpty() && pathPatterns.isEmpty()) {
      throw new InvalidInputException("featureAreas", "area '" + name + "' needs at least one event or path pattern");
    }
  }

  /** True when an event with this name or page path belongs to the area. */
  public boolean matches(String eventName, String path) {
    return (eventName != null && eventPatterns.stream().anyMatch(p -> glob(p).matcher(eventName).matches()))
        || (path != null && pathPatterns.stream().anyMatch(p -> glob(p).matcher(path).matches()));
  }

  /** Compiles a glob to a regex: {@code *} is any run, everything else literal. */
  public static Pattern glob(String glob) {
    String[] parts = glob.split("\\*", -1);
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        re.append(".*");
      }
      re.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(re.toString());
  }

}
