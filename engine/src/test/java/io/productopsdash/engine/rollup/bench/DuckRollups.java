package io.productopsdash.engine.rollup.bench;

import io.productopsdash.models.FeatureArea;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.WeekId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The three rollups as SQL in DuckDB over a copy of the same SQLite tables (loaded with the
 * appender, not timed), for the benchmark's comparison. Identity resolution, the gap rule and ISO
 * weeks in the zone are the same; the 24-hour cap is approximated by splitting a gap-session into
 * whole days from its first event, which equals the exact rule unless a user is continuously
 * active for over 24 hours (the generated data never is; the fixture tests cover the exact rule).
 * Results come back as {@code key -> value} in {@link Metrics} form for comparison.
 */
final class DuckRollups implements AutoCloseable {
  private final Connection duck;

  DuckRollups(int threads) throws SQLException {
    duck = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = duck.createStatement()) {
      st.execute("SET threads = " + threads);
      st.execute("SET preserve_insertion_order = false");
    }
  }

  /** Copies events, identities and user_traits from SQLite; returns the rows copied. */
  long load(Connection sqlite) throws SQLException {
    try (Statement st = duck.createStatement()) {
      st.execute("CREATE TABLE events (id BIGINT, ts BIGINT, type VARCHAR, name VARCHAR, user_id VARCHAR,"
          + " anonymous_id VARCHAR, path VARCHAR, properties VARCHAR, context VARCHAR, traits VARCHAR)");
      st.execute("CREATE TABLE identities (anonymous_id VARCHAR, user_id VARCHAR)");
      st.execute("CREATE TABLE user_traits (user_id VARCHAR, traits VARCHAR)");
    }
    long rows = copy(sqlite, "SELECT id, ts, type, name, user_id, anonymous_id, path, properties, context, traits FROM events",
        "events", new boolean[] {true, true, false, false, false, false, false, false, false, false});
    copy(sqlite, "SELECT anonymous_id, user_id FROM identities", "identities", new boolean[] {false, false});
    copy(sqlite, "SELECT user_id, traits FROM user_traits", "user_traits", new boolean[] {false, false});
    return rows;
  }

  private long copy(Connection sqlite, String select, String table, boolean[] numeric) throws SQLException {
    long n = 0;
    try (Statement st = sqlite.createStatement();
        ResultSet rs = st.executeQuery(select);
        DuckDBAppender app = ((DuckDBConnection) duck).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
      while (rs.next()) {
        app.beginRow();
        for (int i = 0; i < numeric.length; i++) {
          if (numeric[i]) {
            app.append(rs.getLong(i + 1));
          } else {
            String s = rs.getString(i + 1);
            if (s == null) {
              app.appendNull();
            } else {
              app.append(s);
            }
          }
        }
        app.endRow();
        n++;
      }
    }
    return n;
  }

  /** Resolves users and cuts sessions into temporary tables: the shared first step. */
  void prepare(MetricsConfig config, Instant asOf) throws SQLException {
    String zone = config.zone().getId();
    exec("CREATE OR REPLACE TEMP TABLE act AS SELECT e.id, e.ts, e.type, e.name, e.path,"
        + " COALESCE(i.user_id, COALESCE(e.user_id, e.anonymous_id)) AS u,"
        + " timezone('" + zone + "', to_timestamp(e.ts / 1000.0)) AS lt"
        + " FROM events e LEFT JOIN identities i ON i.anonymous_id = COALESCE(e.user_id, e.anonymous_id)"
        + " WHERE e.type IN ('track', 'page', 'screen') AND e.ts <= " + asOf.toEpochMilli());
    exec("CREATE OR REPLACE TEMP TABLE sess AS"
        + " WITH g AS (SELECT *, CASE WHEN ts - lag(ts) OVER w < 1800000 THEN 0 ELSE 1 END AS gap_new"
        + "   FROM act WINDOW w AS (PARTITION BY u ORDER BY ts, id)),"
        + " g2 AS (SELECT *, sum(gap_new) OVER (PARTITION BY u ORDER BY ts, id ROWS UNBOUNDED PRECEDING) AS gs FROM g),"
        + " g3 AS (SELECT *, (ts - min(ts) OVER (PARTITION BY u, gs)) // 86400000 AS cap FROM g2)"
        + " SELECT id, ts, type, name, path, u, lt, dense_rank() OVER (PARTITION BY u ORDER BY gs, cap) AS sn FROM g3");
    exec("CREATE OR REPLACE TEMP TABLE sessions AS SELECT u, sn, min(ts) AS start, max(ts) - min(ts) AS len,"
        + " date_trunc('week', arg_min(lt, ts)) AS wk FROM sess GROUP BY u, sn");
  }

  Map<String, String> acquisition(MetricsConfig config, WeekId from, WeekId to) throws SQLException {
    String sql = "WITH s AS (SELECT u, id, ts, lt FROM act WHERE type = 'track' AND name = " + q(config.signupEvent())
        + "   QUALIFY row_number() OVER (PARTITION BY u ORDER BY ts, id) = 1),"
        + " j AS (SELECT s.u, date_trunc('week', s.lt) AS wk, e.properties, e.context, e.traits, t.traits AS ut"
        + "   FROM s JOIN events e ON e.id = s.id LEFT JOIN user_traits t ON t.user_id = s.u"
        + "   WHERE s.lt >= " + monday(from) + " AND s.lt < " + monday(to.plusWeeks(1)) + ")"
        + " SELECT strftime(wk, '%G-W%V') AS week,"
        + " COALESCE(" + json("properties", config.sourceProperty()) + ", " + json("context", "campaign.source") + ", "
        + json("properties", "utm_source") + ", '(none)') AS source,"
        + " COALESCE(" + json("ut", config.segmentTrait()) + ", " + json("traits", config.segmentTrait()) + ", "
        + json("context", "traits." + config.segmentTrait()) + ", '(none)') AS segment, count(*) AS n"
        + " FROM j GROUP BY ALL";
    Map<String, Long> out = new TreeMap<>();
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String w = rs.getString(1);
        long n = rs.getLong(4);
        out.merge("acq|" + w + "|signups", n, Long::sum);
        out.merge("acq|" + w + "|source|" + rs.getString(2), n, Long::sum);
        out.merge("acq|" + w + "|segment|" + rs.getString(3), n, Long::sum);
      }
    }
    return out.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString(), (a, b) -> a, TreeMap::new));
  }

  Map<String, String> onboarding(MetricsConfig config, WeekId from, WeekId to, Instant asOf) throws SQLException {
    long window = config.conversionWindowDays() * 86_400_000L;
    String zone = config.zone().getId();
    String tx = config.firstTransactionEvents().stream().map(DuckRollups::q).collect(Collectors.joining(", "));
    String sql = "WITH s AS (SELECT u, id, ts, lt FROM act WHERE type = 'track' AND name = " + q(config.signupEvent())
        + "   QUALIFY row_number() OVER (PARTITION BY u ORDER BY ts, id) = 1),"
        + " c AS (SELECT * FROM s WHERE lt >= " + monday(from) + " AND lt < " + monday(to.plusWeeks(1)) + "),"
        + " tx AS (SELECT c.u, min(a.ts) AS tx_ts FROM c JOIN act a ON a.u = c.u AND a.type = 'track'"
        + "   AND a.name IN (" + tx + ") AND a.ts >= c.ts GROUP BY c.u),"
        + " b AS (SELECT c.u, date_trunc('week', c.lt) AS wk, c.ts AS s_ts, c.lt AS s_lt, tx.tx_ts,"
        + "   COALESCE(tx.tx_ts - c.ts <= " + window + ", false) AS conv FROM c LEFT JOIN tx USING (u)),"
        + " per AS (SELECT b.u, any_value(b.wk) AS wk, any_value(b.conv) AS conv, any_value(b.s_ts) AS s_ts,"
        + "   any_value(b.tx_ts) AS tx_ts, any_value(b.s_lt) AS s_lt, max(a.ts) AS last_ts,"
        + "   count(*) FILTER (WHERE b.conv AND a.ts > b.s_ts AND a.ts < b.tx_ts) AS steps,"
        + "   count(DISTINCT a.sn) FILTER (WHERE b.conv AND a.ts >= b.s_ts AND a.ts <= b.tx_ts) AS sessions,"
        + "   count(*) FILTER (WHERE a.type = 'track' AND a.name = " + q(config.supportTicketEvent())
        + "     AND a.ts >= b.s_ts AND a.ts <= CASE WHEN b.conv THEN b.tx_ts ELSE least(b.s_ts + " + window + ", "
        + asOf.toEpochMilli() + ") END) AS tickets"
        + "   FROM b JOIN sess a ON a.u = b.u GROUP BY b.u)"
        + " SELECT strftime(wk, '%G-W%V'), count(*), count(*) FILTER (WHERE conv),"
        + " quantile_cont((tx_ts - s_ts) / 3600000.0, [0.5, 0.75, 0.9]) FILTER (WHERE conv),"
        + " quantile_cont(steps, [0.5, 0.75, 0.9]) FILTER (WHERE conv),"
        + " quantile_cont(sessions, [0.5, 0.75, 0.9]) FILTER (WHERE conv),"
        + " quantile_cont(date_diff('day', CAST(s_lt AS DATE), CAST(timezone('" + zone
        + "', to_timestamp(tx_ts / 1000.0)) AS DATE)), [0.5, 0.75, 0.9]) FILTER (WHERE conv),"
        + " sum(tickets), count(*) FILTER (WHERE tickets > 0),"
        + " count(*) FILTER (WHERE NOT conv AND " + asOf.toEpochMilli() + " - last_ts >= 2592000000),"
        + " count(*) FILTER (WHERE NOT conv AND " + asOf.toEpochMilli() + " - last_ts < 2592000000),"
        + " count(*) FILTER (WHERE NOT conv AND tx_ts IS NOT NULL)"
        + " FROM per GROUP BY 1";
    Map<String, String> out = new TreeMap<>();
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String p = "onb|" + rs.getString(1) + "|";
        out.put(p + "users", rs.getString(2));
        out.put(p + "converted", rs.getString(3));
        quantiles(out, p + "hours", rs.getArray(4));
        quantiles(out, p + "steps", rs.getArray(5));
        quantiles(out, p + "sessions", rs.getArray(6));
        quantiles(out, p + "days", rs.getArray(7));
        out.put(p + "tickets", rs.getString(8));
        out.put(p + "usersWithTickets", rs.getString(9));
        out.put(p + "silent", rs.getString(10));
        out.put(p + "inProgress", rs.getString(11));
        out.put(p + "afterWindow", rs.getString(12));
      }
    }
    return out;
  }

  Map<String, String> usage(MetricsConfig config, WeekId from, WeekId to) throws SQLException {
    String range = " wk >= " + monday(from) + " AND wk < " + monday(to.plusWeeks(1));
    Map<String, String> out = new TreeMap<>();
    exec("CREATE OR REPLACE TEMP TABLE ev AS SELECT s.u, s.sn, s.type, s.name, s.path, s.lt, x.wk, x.len"
        + " FROM sess s JOIN sessions x USING (u, sn) WHERE" + range.replace("wk", "x.wk"));
    query(out, "SELECT strftime(wk, '%G-W%V'), count(*), sum(n), sum(events),"
        + " quantile_cont(n, [0.5, 0.75, 0.9]), quantile_cont(secs, [0.5, 0.75, 0.9])"
        + " FROM (SELECT wk, u, count(*) AS n, sum(len) / 1000.0 AS secs, sum(events) AS events FROM"
        + "   (SELECT x.wk, x.u, x.sn, any_value(x.len) AS len, count(*) AS events FROM ev x GROUP BY x.wk, x.u, x.sn)"
        + "   GROUP BY wk, u) GROUP BY 1",
        rs -> {
          String p = "use|" + rs.getString(1) + "|";
          out.put(p + "activeUsers", rs.getString(2));
          out.put(p + "sessions", rs.getString(3));
          out.put(p + "events", rs.getString(4));
          quantiles(out, p + "sessionsPerUser", rs.getArray(5));
          quantiles(out, p + "secondsPerUser", rs.getArray(6));
        });
    query(out, "SELECT strftime(wk, '%G-W%V'), kind, key, sum(c), count(DISTINCT u), count(*), sum(len) / 1000.0 FROM"
        + " (SELECT wk, CASE WHEN type = 'track' THEN 'event' ELSE 'page' END AS kind,"
        + "   CASE WHEN type = 'track' THEN name ELSE COALESCE(path, name, '(none)') END AS key,"
        + "   u, sn, any_value(len) AS len, count(*) AS c FROM ev GROUP BY ALL) GROUP BY 1, 2, 3",
        rs -> {
          String p = "use|" + rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|";
          out.put(p + "events", rs.getString(4));
          out.put(p + "users", rs.getString(5));
          out.put(p + "sessions", rs.getString(6));
          out.put(p + "seconds", Metrics.num(rs.getDouble(7)));
        });
    List<String> areas = new ArrayList<>();
    for (FeatureArea a : config.featureAreas()) {
      List<String> conditions = new ArrayList<>();
      a.eventPatterns().forEach(p -> conditions.add("name GLOB " + q(p)));
      a.pathPatterns().forEach(p -> conditions.add("path GLOB " + q(p)));
      areas.add("SELECT wk, u, " + q(a.name()) + " AS area, count(*) AS c, count(DISTINCT CAST(lt AS DATE)) AS d FROM ev"
          + " WHERE " + String.join(" OR ", conditions) + " GROUP BY wk, u");
    }
    query(out, "SELECT strftime(wk, '%G-W%V'), area, count(*), sum(c), sum(d), count(*) FILTER (WHERE c = 1),"
        + " count(*) FILTER (WHERE c BETWEEN 2 AND 5), count(*) FILTER (WHERE c >= 6) FROM ("
        + String.join(" UNION ALL ", areas) + ") GROUP BY 1, 2",
        rs -> {
          String p = "use|" + rs.getString(1) + "|area|" + rs.getString(2) + "|";
          out.put(p + "users", rs.getString(3));
          out.put(p + "events", rs.getString(4));
          out.put(p + "days", rs.getString(5));
          out.put(p + "depth", rs.getString(6) + "/" + rs.getString(7) + "/" + rs.getString(8));
        });
    return out;
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private void query(Map<String, String> out, String sql, Row row) throws SQLException {
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        row.accept(rs);
      }
    }
  }

  private static void quantiles(Map<String, String> out, String key, Array array) throws SQLException {
    if (array == null) {
      return;
    }
    Object[] v = (Object[]) array.getArray();
    if (v.length == 3 && v[0] != null) {
      out.put(key + ".median", Metrics.num(((Number) v[0]).doubleValue()));
      out.put(key + ".p75", Metrics.num(((Number) v[1]).doubleValue()));
      out.put(key + ".p90", Metrics.num(((Number) v[2]).doubleValue()));
    }
  }

  private void exec(String sql) throws SQLException {
    try (Statement st = duck.createStatement()) {
      st.execute(sql);
    }
  }

  private static String json(String column, String path) {
    if (path == null) {
      return "NULL";
    }
    return "NULLIF(trim(json_extract_string(" + column + ", '$." + path.replace("'", "''") + "')), '')";
  }

  private static String monday(WeekId w) {
    return "TIMESTAMP '" + w.monday() + " 00:00:00'";
  }

  static String q(String s) {
    return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
  }

  @Override
  public void close() throws SQLException {
    duck.close();
  }
}
