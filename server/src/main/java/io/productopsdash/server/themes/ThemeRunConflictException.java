package io.productopsdash.server.themes;

import io.productopsdash.data.ThemeRunRepository.Run;
import io.productopsdash.models.ConflictException;

/** A run was asked for while one of the same series is going; rendered as 409 naming the running run. */
public final class ThemeRunConflictException extends ConflictException {
  private final transient Run running;

  public ThemeRunConflictException(Run running) {
    super(
        "runId",
        "A theme run of this survey is already going: run " + running.id() + " of week " + running.week()
            + ", started " + running.startedAt());
    this.running = running;
  }

  /** The run that is going. */
  public Run running() {
    return running;
  }
}
