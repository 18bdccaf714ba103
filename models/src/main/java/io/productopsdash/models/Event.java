package io.productopsdash.models;

import java.time.Instant;

/**
 * A product event normalised to the Segment spec, whatever its source. {@code messageId} is the
 * deduplication key (for sources without one, a stable id derived from the source's own ids).
 * {@code name} is the event name of a track call and the page or screen name of page/screen
 * calls. {@code previousId} is set on alias calls. {@code path} is the page path when the event
 * carries one. {@code properties}, {@code traits} and {@code context} are JSON object texts (or
 * null), kept as sent.
 */
public record Event(
    String messageId,
    EventType type,
    String name,
    String userId,
    String anonymousId,
    String previousId,
    Instant timestamp,
    Instant receivedAt,
    String path,
    String properties,
    String traits,
    String context) {
  public static final int MAX_ID_LENGTH = 256;

  public Event {
    if (messageId == null || messageId.isBlank()) {
      throw new InvalidInputException("messageId", "is required");
    }
    if (messageId.length() > MAX_ID_LENGTH) {
      throw new InvalidInputException("messageId", "must be at most " + MAX_ID_LENGTH + " characters");
    }
    if (type == null) {
      throw new InvalidInputException("type", "must be one of track, identify, page, screen, group, alias");
    }
    if (isBlank(userId) && isBlank(anonymousId)) {
      throw new InvalidInputException("userId", "either userId or anonymousId is required");
    }
    if (type == EventType.TRACK && isBlank(name)) {
      throw new InvalidInputException("event", "a track call needs an event name");
    }
    if (timestamp == null) {
      throw new InvalidInputException("timestamp", "is required");
    }
    if (receivedAt == null) {
      throw new IllegalArgumentException("receivedAt is required");
    }
    userId = isBlank(userId) ? null : userId;
    anonymousId = isBlank(anonymousId) ? null : anonymousId;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
