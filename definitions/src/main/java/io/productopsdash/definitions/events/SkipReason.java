package io.productopsdash.definitions.events;

/** Why an input line or event was not stored; each has its own counter. */
public enum SkipReason {
  EMPTY_LINE("a blank line"),
  MALFORMED_JSON("not valid JSON"),
  NOT_AN_OBJECT("not a JSON object"),
  UNKNOWN_TYPE("type is not one of track, identify, page, screen, group, alias"),
  MISSING_USER("neither userId nor anonymousId"),
  MISSING_EVENT_NAME("a track event without an event name"),
  BAD_TIMESTAMP("timestamp missing or not ISO-8601/epoch"),
  BAD_FIELD("a field has the wrong type or length"),
  TOO_LARGE("event over the per-event size limit (32 KB in files)"),
  BAD_CSV_ROW("CSV row with the wrong number of columns");

  private final String description;

  SkipReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
