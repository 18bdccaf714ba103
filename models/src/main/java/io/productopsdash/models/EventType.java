package io.productopsdash.models;

import java.util.Locale;

/** The Segment spec's call types, which every event source is normalised to. */
public enum EventType {
  TRACK,
  IDENTIFY,
  PAGE,
  SCREEN,
  GROUP,
  ALIAS;

  /** Parses a type name in any case ("track", "Track"); null when it is not one of the six. */
  public static EventType parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
