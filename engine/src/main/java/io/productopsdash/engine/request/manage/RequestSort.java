package io.productopsdash.engine.request.manage;

import io.productopsdash.models.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a list of feature requests is ordered; ties always go to the smaller id. */
public enum RequestSort {
  /** Most distinct requesters first. */
  REQUESTERS,
  /** Largest share of active users asking first. */
  REACH,
  /** Fastest growing first: requesters of the last four weeks minus the four before. */
  TREND,
  /** Most recently asked first. */
  RECENT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; null means {@link #REQUESTERS}. */
  public static RequestSort parse(String text, String field) {
    if (text == null) {
      return REQUESTERS;
    }
    for (RequestSort s : values()) {
      if (s.wire().equals(text)) {
        return s;
      }
    }
    throw new InvalidInputException(
        field,
        "must be one of " + Arrays.stream(values()).map(RequestSort::wire).collect(Collectors.joining(", "))
            + ", got '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
  }
}
