package io.productopsdash.definitions.events;

/** An input event that cannot be stored, with the counted reason and a message naming the field. */
public class EventRejectedException extends RuntimeException {
  private final SkipReason reason;

  public EventRejectedException(SkipReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public SkipReason reason() {
    return reason;
  }
}
