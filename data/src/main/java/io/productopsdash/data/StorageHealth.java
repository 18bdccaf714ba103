package io.productopsdash.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * Whether the database can take writes, as the writer last found out: {@link State#FULL} from the
 * first write refused for lack of disk space until the next commit that succeeds. Health and
 * readiness endpoints report it with the file system's free space.
 */
public final class StorageHealth {
  /** What the last write found. */
  public enum State {
    /** The last commit succeeded (or nothing was written yet). */
    OK,
    /** The last write was refused because the disk is full. */
    FULL
  }

  /** A snapshot: the state, since when, the data folder's usable bytes (-1 when unknown). */
  public record Status(State state, Instant since, long usableBytes) {}

  private final Path folder;
  private final Clock clock;
  private volatile State state = State.OK;
  private volatile Instant since;

  StorageHealth(Path folder, Clock clock) {
    this.folder = folder;
    this.clock = clock;
    this.since = clock.instant();
  }

  /** A commit succeeded; true when that ends a full state. */
  boolean committed() {
    return become(State.OK);
  }

  /** A write was refused for a full disk; true when that starts a full state. */
  boolean full() {
    return become(State.FULL);
  }

  private synchronized boolean become(State next) {
    if (state == next) {
      return false;
    }
    state = next;
    since = clock.instant();
    return true;
  }

  public State state() {
    return state;
  }

  public Status status() {
    long usable;
    try {
      usable = Files.getFileStore(folder).getUsableSpace();
    } catch (IOException | SecurityException e) {
      usable = -1;
    }
    return new Status(state, since, usable);
  }
}
