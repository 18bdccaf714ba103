package io.productopsdash.engine.rollup;

import io.productopsdash.data.events.EventColumns;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every activity event grouped by user and, within a user, sorted by (timestamp, rowid): user
 * {@code u} owns events {@code start(u)} to {@code start(u + 1) - 1}. Built from {@link
 * EventColumns} with a stable counting sort by user (keeping rowid order) and a stable merge sort
 * by timestamp of the few users whose events were stored out of order. Read-only once built;
 * safe to share between threads.
 */
public final class EventLog {
  private final int[] start;
  private final long[] ts;
  private final byte[] type;
  private final int[] name;
  private final int[] path;
  private final String[] strings;
  private final String[] users;
  private final Map<String, Integer> stringIds;
  private final Map<String, String> userTraits;
  private final int[] markedEvents;
  private final String[] markedProperties;
  private final String[] markedContext;
  private final String[] markedTraits;
  private final long minTs;
  private final long maxTs;

  private EventLog(EventColumns c, int[] start, long[] ts, byte[] type, int[] name, int[] path, Marked marked) {
    this.start = start;
    this.ts = ts;
    this.type = type;
    this.name = name;
    this.path = path;
    this.strings = c.strings();
    this.users = c.users();
    this.userTraits = c.userTraits();
    this.markedEvents = marked.positions();
    this.markedProperties = marked.payloads()[0];
    this.markedContext = marked.payloads()[1];
    this.markedTraits = marked.payloads()[2];
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < strings.length; i++) {
      ids.put(strings[i], i);
    }
    this.stringIds = ids;
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (long t : ts) {
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
    this.minTs = ts.length == 0 ? 0 : lo;
    this.maxTs = ts.length == 0 ? 0 : hi;
  }

  /**
   * Groups and sorts {@code columns}: one counting-sort pass scatters every event to its user's
   * slice (keeping rowid order), then the rare slice that is not in time order is merge-sorted.
   */
  public static EventLog of(EventColumns columns) {
    int n = columns.size();
    int userCount = columns.users().length;
    int[] user = columns.user();
    int[] start = new int[userCount + 1];
    for (int i = 0; i < n; i++) {
      start[user[i] + 1]++;
    }
    for (int u = 0; u < userCount; u++) {
      start[u + 1] += start[u];
    }
    int[] next = Arrays.copyOf(start, userCount);
    long[] srcTs = columns.ts();
    byte[] srcType = columns.type();
    int[] srcName = columns.name();
    int[] srcPath = columns.path();
    int[] markedRows = columns.markedRows();
    int[] markedPos = new int[markedRows.length];
    long[] ts = new long[n];
    byte[] type = new byte[n];
    int[] name = new int[n];
    int[] path = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      int pos = next[user[i]]++;
      ts[pos] = srcTs[i];
      type[pos] = srcType[i];
      name[pos] = srcName[i];
      path[pos] = srcPath[i];
      if (m < markedRows.length && markedRows[m] == i) {
        markedPos[m++] = pos;
      }
    }
    // Marks as (position << 32 | index), ascending: each user's marks are one run of them.
    long[] marks = new long[markedPos.length];
    for (int k = 0; k < marks.length; k++) {
      marks[k] = ((long) markedPos[k] << 32) | k;
    }
    Arrays.sort(marks);
    int mark = 0;
    for (int u = 0; u < userCount; u++) {
      int from = start[u];
      int to = start[u + 1];
      int firstMark = mark;
      while (mark < marks.length && (marks[mark] >>> 32) < to) {
        mark++;
      }
      if (!sorted(ts, from, to)) {
        int[] moved = sortSlice(ts, type, name, path, from, to);
        for (int j = firstMark; j < mark; j++) {
          int pos = (int) (marks[j] >>> 32);
          marks[j] = ((long) moved[pos - from] << 32) | (marks[j] & 0xFFFFFFFFL);
        }
        Arrays.sort(marks, firstMark, mark);
      }
    }
    return new EventLog(columns, start, ts, type, name, path, marked(columns, marks));
  }

  /**
   * Sorts events {@code [from, to)} stably by timestamp; returns, per old offset in the slice, the
   * new position.
   */
  private static int[] sortSlice(long[] ts, byte[] type, int[] name, int[] path, int from, int to) {
    int length = to - from;
    int[] order = new int[length];
    for (int i = 0; i < length; i++) {
      order[i] = from + i;
    }
    mergeSort(order, new int[length], ts, 0, length);
    long[] t = new long[length];
    byte[] y = new byte[length];
    int[] a = new int[length];
    int[] p = new int[length];
    int[] moved = new int[length];
    for (int i = 0; i < length; i++) {
      int old = order[i];
      t[i] = ts[old];
      y[i] = type[old];
      a[i] = name[old];
      p[i] = path[old];
      moved[old - from] = from + i;
    }
    System.arraycopy(t, 0, ts, from, length);
    System.arraycopy(y, 0, type, from, length);
    System.arraycopy(a, 0, name, from, length);
    System.arraycopy(p, 0, path, from, length);
    return moved;
  }

  /** The marked events' positions (ascending in {@code packed}) with their properties, context and traits. */
  private static Marked marked(EventColumns c, long[] packed) {
    int[] positions = new int[packed.length];
    String[][] payloads = new String[3][packed.length];
    for (int i = 0; i < packed.length; i++) {
      int k = (int) packed[i];
      positions[i] = (int) (packed[i] >>> 32);
      payloads[0][i] = c.markedProperties()[k];
      payloads[1][i] = c.markedContext()[k];
      payloads[2][i] = c.markedTraits()[k];
    }
    return new Marked(positions, payloads);
  }

  private record Marked(int[] positions, String[][] payloads) {}

  private static boolean sorted(long[] ts, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (ts[i] < ts[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /** Stable merge sort of {@code order[from, to)} by {@code ts[order[i]]}. */
  private static void mergeSort(int[] order, int[] buffer, long[] ts, int from, int to) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int v = order[i];
        int j = i - 1;
        while (j >= from && ts[order[j]] > ts[v]) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(order, buffer, ts, from, mid);
    mergeSort(order, buffer, ts, mid, to);
    if (ts[order[mid - 1]] <= ts[order[mid]]) {
      return;
    }
    System.arraycopy(order, from, buffer, 0, mid - from);
    int i = 0;
    int left = mid - from;
    int j = mid;
    int k = from;
    while (i < left && j < to) {
      order[k++] = ts[order[j]] < ts[buffer[i]] ? order[j++] : buffer[i++];
    }
    while (i < left) {
      order[k++] = buffer[i++];
    }
  }

  public int userCount() {
    return users.length;
  }

  public int size() {
    return ts.length;
  }

  /** The first event of user {@code u}; {@code start(u + 1)} is one past the last. */
  public int start(int u) {
    return start[u];
  }

  public long ts(int event) {
    return ts[event];
  }

  /** {@link EventColumns#TRACK}, {@link EventColumns#PAGE} or {@link EventColumns#SCREEN}. */
  public byte type(int event) {
    return type[event];
  }

  /** Name string id, or -1. */
  public int name(int event) {
    return name[event];
  }

  /** Path string id, or -1. */
  public int path(int event) {
    return path[event];
  }

  public String string(int id) {
    return strings[id];
  }

  public int stringCount() {
    return strings.length;
  }

  /** The id of {@code s}, or -1 when no event has that name or path. */
  public int stringId(String s) {
    Integer id = s == null ? null : stringIds.get(s);
    return id == null ? -1 : id;
  }

  /** The resolved key of user {@code u}. */
  public String userKey(int u) {
    return users[u];
  }

  /** The latest traits JSON stored for a userId, or null. */
  public String userTraits(String userId) {
    return userTraits.get(userId);
  }

  /** The earliest and latest timestamps (0 for an empty log). */
  public long minTs() {
    return minTs;
  }

  public long maxTs() {
    return maxTs;
  }

  /** Index of {@code event} among the marked events, or -1 when it is not one. */
  public int marked(int event) {
    int i = Arrays.binarySearch(markedEvents, event);
    return i < 0 ? -1 : i;
  }

  public String markedProperties(int marked) {
    return markedProperties[marked];
  }

  public String markedContext(int marked) {
    return markedContext[marked];
  }

  public String markedTraits(int marked) {
    return markedTraits[marked];
  }

  /** One past the last event of user {@code u} at or before {@code asOf} (epoch ms). */
  public int end(int u, long asOf) {
    int lo = start[u];
    int hi = start[u + 1];
    if (hi == lo || ts[hi - 1] <= asOf) {
      return hi;
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ts[mid] <= asOf) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
