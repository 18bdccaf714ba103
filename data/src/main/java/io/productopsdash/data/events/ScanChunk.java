package io.productopsdash.data.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * One thread's share of an {@link EventScan}: the activity events of a rowid range, with names,
 * paths and raw user keys interned to chunk-local ids (remapped to global ones on merge).
 */
final class ScanChunk {
  /**
   * One text per row, {@code id ts type key name path} separated by U+0001: a single JNI call per
   * row instead of six, which is most of the cost of reading through JDBC ({@code concat_ws}
   * builds it in one allocation).
   */
  static final String SQL =
      "SELECT concat_ws(char(1), id, ts, type, coalesce(user_id, anonymous_id), coalesce(name, ''),"
          + " coalesce(path, '')) FROM events WHERE id BETWEEN ? AND ? AND type IN ('track', 'page', 'screen')"
          + " ORDER BY id";
  private static final byte SEP = 1;

  final ByteInterner keys = new ByteInterner();
  final ByteInterner strings = new ByteInterner();
  /** {@code name U+0001 path} slices: few distinct pairs, so one lookup per row serves both. */
  private final ByteInterner pairs = new ByteInterner();
  private int[] pairName = new int[64];
  private int[] pairPath = new int[64];
  private int resolvedPairs;
  int size;
  long[] ts;
  byte[] type;
  int[] key;
  int[] name;
  int[] path;
  int markedSize;
  int[] markedRows = new int[64];
  long[] markedIds = new long[64];
  private final int[] markedNames;
  private int ambiguousSize;
  private int[] ambiguousRows = new int[8];
  private long[] ambiguousIds = new long[8];

  ScanChunk(int capacity, List<String> markedTrackNames) {
    ts = new long[capacity];
    type = new byte[capacity];
    key = new int[capacity];
    name = new int[capacity];
    path = new int[capacity];
    markedNames = new int[markedTrackNames.size()];
    for (int i = 0; i < markedNames.length; i++) {
      byte[] b = markedTrackNames.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      markedNames[i] = strings.intern(b, 0, b.length);
    }
  }

  void scan(Connection c, long fromId, long toId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      ps.setLong(1, fromId);
      ps.setLong(2, toId);
      ps.setFetchSize(4096);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          add(rs.getBytes(1));
        }
      }
    }
    resolveAmbiguous(c);
  }

  private void add(byte[] b) {
    if (size == ts.length) {
      grow();
    }
    int row = size++;
    int[] pos = {0};
    long id = number(b, pos);
    ts[row] = number(b, pos);
    byte t = b[pos[0]];
    type[row] = t == 't' ? EventColumns.TRACK : t == 'p' ? EventColumns.PAGE : EventColumns.SCREEN;
    int p = pos[0];
    while (b[p] != SEP) {
      p++;
    }
    int keyStart = p + 1;
    int s1 = indexOf(b, keyStart);
    int s2 = s1 < 0 ? -1 : indexOf(b, s1 + 1);
    if (s2 < 0 || indexOf(b, s2 + 1) >= 0) {
      // A separator inside a key, name or path: read this row's columns one by one afterwards.
      addAmbiguous(row, id);
      key[row] = -1;
      name[row] = -1;
      path[row] = -1;
      return;
    }
    key[row] = keys.intern(b, keyStart, s1);
    int pair = pairs.intern(b, s1 + 1, b.length);
    if (pair == resolvedPairs) {
      // First sight of this (name, path): intern each part once.
      if (pair == pairName.length) {
        pairName = Arrays.copyOf(pairName, pair * 2);
        pairPath = Arrays.copyOf(pairPath, pair * 2);
      }
      pairName[pair] = s2 > s1 + 1 ? strings.intern(b, s1 + 1, s2) : -1;
      pairPath[pair] = b.length > s2 + 1 ? strings.intern(b, s2 + 1, b.length) : -1;
      resolvedPairs++;
    }
    name[row] = pairName[pair];
    path[row] = pairPath[pair];
    mark(row, id);
  }

  private void mark(int row, long id) {
    if (type[row] != EventColumns.TRACK || name[row] < 0) {
      return;
    }
    for (int m : markedNames) {
      if (m == name[row]) {
        if (markedSize == markedRows.length) {
          markedRows = Arrays.copyOf(markedRows, markedSize * 2);
          markedIds = Arrays.copyOf(markedIds, markedSize * 2);
        }
        markedRows[markedSize] = row;
        markedIds[markedSize++] = id;
        return;
      }
    }
  }

  private void addAmbiguous(int row, long id) {
    if (ambiguousSize == ambiguousRows.length) {
      ambiguousRows = Arrays.copyOf(ambiguousRows, ambiguousSize * 2);
      ambiguousIds = Arrays.copyOf(ambiguousIds, ambiguousSize * 2);
    }
    ambiguousRows[ambiguousSize] = row;
    ambiguousIds[ambiguousSize++] = id;
  }

  private void resolveAmbiguous(Connection c) throws SQLException {
    if (ambiguousSize == 0) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT coalesce(user_id, anonymous_id), name, path FROM events WHERE id = ?")) {
      for (int i = 0; i < ambiguousSize; i++) {
        int row = ambiguousRows[i];
        ps.setLong(1, ambiguousIds[i]);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          key[row] = intern(keys, rs.getBytes(1));
          name[row] = intern(strings, rs.getBytes(2));
          path[row] = intern(strings, rs.getBytes(3));
        }
      }
    }
    // Marks must stay in row order.
    int[] rows = Arrays.copyOf(ambiguousRows, ambiguousSize);
    long[] ids = Arrays.copyOf(ambiguousIds, ambiguousSize);
    int before = markedSize;
    for (int i = 0; i < rows.length; i++) {
      mark(rows[i], ids[i]);
    }
    if (markedSize > before) {
      sortMarked();
    }
  }

  private void sortMarked() {
    Integer[] order = new Integer[markedSize];
    for (int i = 0; i < markedSize; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(markedRows[a], markedRows[b]));
    int[] rows = new int[markedSize];
    long[] ids = new long[markedSize];
    for (int i = 0; i < markedSize; i++) {
      rows[i] = markedRows[order[i]];
      ids[i] = markedIds[order[i]];
    }
    markedRows = rows;
    markedIds = ids;
  }

  private static int intern(ByteInterner interner, byte[] b) {
    return b == null || b.length == 0 ? -1 : interner.intern(b, 0, b.length);
  }

  private static int indexOf(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == SEP) {
        return i;
      }
    }
    return -1;
  }

  /** Parses a decimal integer at {@code pos[0]} and moves past the separator after it. */
  private static long number(byte[] b, int[] pos) {
    int i = pos[0];
    boolean negative = b[i] == '-';
    if (negative) {
      i++;
    }
    long v = 0;
    while (b[i] != SEP) {
      v = v * 10 + (b[i] - '0');
      i++;
    }
    pos[0] = i + 1;
    return negative ? -v : v;
  }

  private void grow() {
    int capacity = Math.max(1024, size + (size >> 1));
    ts = Arrays.copyOf(ts, capacity);
    type = Arrays.copyOf(type, capacity);
    key = Arrays.copyOf(key, capacity);
    name = Arrays.copyOf(name, capacity);
    path = Arrays.copyOf(path, capacity);
  }
}
