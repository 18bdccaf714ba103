package io.productopsdash.data.events;

import io.productopsdash.data.DataAccessException;
import io.productopsdash.data.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads every activity event (track, page, screen) into {@link EventColumns}, fast enough for
 * rollups over ten million events: only the needed columns, in rowid order, split into rowid
 * ranges read in parallel on separate read connections; names, paths and user keys interned to
 * ints; identities loaded once into a map and applied per distinct key, not per event. JSON is
 * read only for the marked track events (the signup event: its properties, context and traits,
 * fetched by rowid afterwards) and for {@code user_traits}.
 */
public final class EventScan {
  /** Below this many rows one thread reads everything. */
  private static final long PARALLEL_THRESHOLD = 200_000;
  private static final int PAYLOAD_BATCH = 500;

  private EventScan() {}

  /** Scans with one thread per available processor, at most 4 (the database's read pool). */
  public static EventColumns load(Database db, List<String> markedTrackNames) {
    return load(db, markedTrackNames, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  /** Scans the events; track events named in {@code markedTrackNames} keep their JSON. */
  public static EventColumns load(Database db, List<String> markedTrackNames, int threads) {
    return load(db, markedTrackNames, threads, PARALLEL_THRESHOLD);
  }

  /** As {@link #load(Database, List, int)}, reading in parallel from {@code parallelFrom} rows on. */
  static EventColumns load(Database db, List<String> markedTrackNames, int threads, long parallelFrom) {
    long[] range = db.read(EventScan::idRange);
    long minId = range[0];
    long maxId = range[1];
    int parts = maxId - minId + 1 < parallelFrom ? 1 : Math.max(1, threads);
    List<ScanChunk> chunks = scanChunks(db, markedTrackNames, minId, maxId, parts);
    Map<String, String> identities = db.read(EventScan::identities);
    Map<String, String> traits = db.read(c -> pairs(c, "SELECT user_id, traits FROM user_traits"));
    return merge(db, chunks, identities, traits, maxId);
  }

  /**
   * The identity links, anonymous id to the user id it ends at: the resolution the scan applies to
   * every event's key, for others that must resolve ids the same way. A link to an id that is
   * linked on (an alias of an id linked before) is followed to its end.
   */
  public static Map<String, String> identities(Connection c) throws SQLException {
    Map<String, String> links = pairs(c, "SELECT anonymous_id, user_id FROM identities");
    Map<String, String> ends = new HashMap<>(links.size() * 2);
    for (Map.Entry<String, String> link : links.entrySet()) {
      String end = link.getValue();
      for (int hop = 1; hop < IdentityLinks.MAX_HOPS; hop++) {
        String next = links.get(end);
        if (next == null || next.equals(link.getKey())) {
          break;
        }
        end = next;
      }
      ends.put(link.getKey(), end);
    }
    return ends;
  }

  private static long[] idRange(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COALESCE(MIN(id), 1), COALESCE(MAX(id), 0) FROM events")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  private static List<ScanChunk> scanChunks(
      Database db, List<String> marked, long minId, long maxId, int parts) {
    long span = Math.max(0, maxId - minId + 1);
    long per = (span + parts - 1) / Math.max(1, parts);
    List<long[]> ranges = new ArrayList<>();
    for (long lo = minId; lo <= maxId; lo += per) {
      ranges.add(new long[] {lo, Math.min(maxId, lo + per - 1)});
    }
    if (ranges.size() <= 1) {
      long hi = ranges.isEmpty() ? -1 : maxId;
      ScanChunk only = db.read(c -> chunk(c, marked, minId, hi));
      return List.of(only);
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            ranges.size(),
            r -> {
              Thread t = new Thread(r, "event-scan");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<ScanChunk>> futures = new ArrayList<>();
      for (long[] r : ranges) {
        futures.add(pool.submit(() -> db.read(c -> chunk(c, marked, r[0], r[1]))));
      }
      List<ScanChunk> chunks = new ArrayList<>();
      for (Future<ScanChunk> f : futures) {
        chunks.add(f.get());
      }
      return chunks;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataAccessException("Interrupted while scanning events", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new DataAccessException("Event scan failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static ScanChunk chunk(Connection c, List<String> marked, long fromId, long toId) throws SQLException {
    long span = Math.max(0, toId - fromId + 1);
    ScanChunk chunk = new ScanChunk((int) Math.min(span, 1 << 24), marked);
    if (span > 0) {
      chunk.scan(c, fromId, toId);
    }
    return chunk;
  }

  private static Map<String, String> pairs(Connection c, String sql) throws SQLException {
    Map<String, String> map = new HashMap<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        map.put(rs.getString(1), rs.getString(2));
      }
    }
    return map;
  }

  private static EventColumns merge(
      Database db, List<ScanChunk> chunks, Map<String, String> identities, Map<String, String> traits, long maxId) {
    int total = 0;
    int markedTotal = 0;
    for (ScanChunk k : chunks) {
      total += k.size;
      markedTotal += k.markedSize;
    }
    long[] ts = new long[total];
    byte[] type = new byte[total];
    int[] user = new int[total];
    int[] name = new int[total];
    int[] path = new int[total];
    int[] markedRows = new int[markedTotal];
    long[] markedIds = new long[markedTotal];
    Map<String, Integer> stringIds = new HashMap<>();
    List<String> strings = new ArrayList<>();
    Map<String, Integer> userIds = new HashMap<>();
    List<String> users = new ArrayList<>();
    int offset = 0;
    int markedOffset = 0;
    for (ScanChunk k : chunks) {
      int[] stringMap = new int[k.strings.size()];
      for (int i = 0; i < stringMap.length; i++) {
        stringMap[i] = stringIds.computeIfAbsent(k.strings.string(i), s -> add(strings, s));
      }
      int[] userMap = new int[k.keys.size()];
      for (int i = 0; i < userMap.length; i++) {
        String raw = k.keys.string(i);
        userMap[i] = userIds.computeIfAbsent(identities.getOrDefault(raw, raw), s -> add(users, s));
      }
      System.arraycopy(k.ts, 0, ts, offset, k.size);
      System.arraycopy(k.type, 0, type, offset, k.size);
      for (int i = 0; i < k.size; i++) {
        user[offset + i] = userMap[k.key[i]];
        name[offset + i] = k.name[i] < 0 ? -1 : stringMap[k.name[i]];
        path[offset + i] = k.path[i] < 0 ? -1 : stringMap[k.path[i]];
      }
      for (int i = 0; i < k.markedSize; i++) {
        markedRows[markedOffset + i] = offset + k.markedRows[i];
        markedIds[markedOffset + i] = k.markedIds[i];
      }
      offset += k.size;
      markedOffset += k.markedSize;
    }
    String[][] payloads = db.read(c -> payloads(c, markedIds));
    return new EventColumns(
        ts, type, user, name, path, strings.toArray(String[]::new), users.toArray(String[]::new), traits,
        markedRows, payloads[0], payloads[1], payloads[2], maxId);
  }

  private static int add(List<String> list, String s) {
    list.add(s);
    return list.size() - 1;
  }

  /** Properties, context and traits of the given rows, fetched by rowid in batches. */
  private static String[][] payloads(Connection c, long[] ids) throws SQLException {
    String[][] out = new String[3][ids.length];
    Map<Long, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      index.put(ids[i], i);
    }
    for (int from = 0; from < ids.length; from += PAYLOAD_BATCH) {
      int to = Math.min(ids.length, from + PAYLOAD_BATCH);
      StringBuilder sql = new StringBuilder("SELECT id, properties, context, traits FROM events WHERE id IN (");
      for (int i = from; i < to; i++) {
        sql.append(i == from ? "?" : ",?");
      }
      try (PreparedStatement ps = c.prepareStatement(sql.append(')').toString())) {
        for (int i = from; i < to; i++) {
          ps.setLong(i - from + 1, ids[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int i = index.get(rs.getLong(1));
            out[0][i] = rs.getString(2);
            out[1][i] = rs.getString(3);
            out[2][i] = rs.getString(4);
          }
        }
      }
    }
    return out;
  }
}
