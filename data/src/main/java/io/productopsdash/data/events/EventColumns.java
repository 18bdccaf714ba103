package io.productopsdash.data.events;

import java.util.Map;

/**
 * The activity events (track, page, screen) of the store as parallel primitive arrays, in rowid
 * order, for rollups over millions of events without an object per event. Names and paths are
 * interned to indices of {@link #strings()} ({@code -1}: none); users to indices of {@link
 * #users()}, which holds each event's user key already resolved: {@code userId}, else {@code
 * anonymousId}, then replaced by the user it was linked to in {@code identities} when it was.
 *
 * <p>The arrays are shared, not copied: callers read them and never write. The {@code marked*}
 * arrays carry, for the track events whose names were asked for at scan time (the signup event),
 * the row index and the event's properties, context and traits JSON.
 */
public final class EventColumns {
  public static final byte TRACK = 0;
  public static final byte PAGE = 1;
  public static final byte SCREEN = 2;

  private final long[] ts;
  private final byte[] type;
  private final int[] user;
  private final int[] name;
  private final int[] path;
  private final String[] strings;
  private final String[] users;
  private final Map<String, String> userTraits;
  private final int[] markedRows;
  private final String[] markedProperties;
  private final String[] markedContext;
  private final String[] markedTraits;
  private final long maxId;

  /** Takes ownership of the arrays; they must have equal lengths (and the marked ones too). */
  public EventColumns(
      long[] ts,
      byte[] type,
      int[] user,
      int[] name,
      int[] path,
      String[] strings,
      String[] users,
      Map<String, String> userTraits,
      int[] markedRows,
      String[] markedProperties,
      String[] markedContext,
      String[] markedTraits,
      long maxId) {
    int n = ts.length;
    if (type.length != n || user.length != n || name.length != n || path.length != n) {
      throw new IllegalArgumentException("event columns must have equal lengths");
    }
    int m = markedRows.length;
    if (markedProperties.length != m || markedContext.length != m || markedTraits.length != m) {
      throw new IllegalArgumentException("marked columns must have equal lengths");
    }
    this.ts = ts;
    this.type = type;
    this.user = user;
    this.name = name;
    this.path = path;
    this.strings = strings;
    this.users = users;
    this.userTraits = Map.copyOf(userTraits);
    this.markedRows = markedRows;
    this.markedProperties = markedProperties;
    this.markedContext = markedContext;
    this.markedTraits = markedTraits;
    this.maxId = maxId;
  }

  public int size() {
    return ts.length;
  }

  /** Event timestamps, epoch milliseconds. */
  public long[] ts() {
    return ts;
  }

  /** {@link #TRACK}, {@link #PAGE} or {@link #SCREEN}. */
  public byte[] type() {
    return type;
  }

  /** Index into {@link #users()}. */
  public int[] user() {
    return user;
  }

  /** Event name (track) or page/screen name: index into {@link #strings()}, or -1. */
  public int[] name() {
    return name;
  }

  /** Page path: index into {@link #strings()}, or -1. */
  public int[] path() {
    return path;
  }

  public String[] strings() {
    return strings;
  }

  /** Resolved user keys. */
  public String[] users() {
    return users;
  }

  /** The latest traits JSON per userId (from identify calls). */
  public Map<String, String> userTraits() {
    return userTraits;
  }

  /** Row indices (ascending) of the marked track events. */
  public int[] markedRows() {
    return markedRows;
  }

  public String[] markedProperties() {
    return markedProperties;
  }

  public String[] markedContext() {
    return markedContext;
  }

  public String[] markedTraits() {
    return markedTraits;
  }

  /** The highest events rowid when the scan started (0 for none): what the columns cover. */
  public long maxId() {
    return maxId;
  }
}
