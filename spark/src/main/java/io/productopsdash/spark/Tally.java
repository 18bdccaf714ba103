package io.productopsdash.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One user's contribution to one cell of a report, as a row of {@link #SCHEMA}: {@code report}
 * names the table, {@code id} is the ISO week index (or the survey id), {@code key}, {@code key2}
 * and {@code value} say which cell, {@code n} counts users (or answers) and {@code a}, {@code
 * b}, {@code c} are integer sums whose meaning depends on the table. Spark sums the tallies of
 * all users per cell ({@code GROUP BY report, id, key, key2, value}); the driver builds the
 * reports from the cells ({@link RollupReports}): the few thousand of counts and breakdowns
 * collected, the distributions' cells (one per distinct value, up to one per user-week) streamed
 * to it in order. Every sum is of integers, and each distribution arrives as its distinct values
 * with their counts, so nothing depends on the order in which Spark adds.
 *
 * <table>
 *   <caption>The tables</caption>
 *   <tr><th>report</th><th>id</th><th>key, key2, value</th><th>n, a, b, c</th></tr>
 *   <tr><td>source, segment</td><td>signup week</td><td>the source or segment</td><td>signups</td></tr>
 *   <tr><td>cohort</td><td>signup week</td><td>outcome</td><td>users, tickets, users with tickets, converted after the window</td></tr>
 *   <tr><td>hours, steps, sessions, days</td><td>signup week</td><td>value</td><td>converted users with it</td></tr>
 *   <tr><td>active</td><td>week</td><td></td><td>active users, sessions, events</td></tr>
 *   <tr><td>sessionsPerUser, secondsPerUser</td><td>week</td><td>value</td><td>active users with it</td></tr>
 *   <tr><td>area</td><td>week</td><td>area index, depth (1, 2-5, 6+)</td><td>area users, area events, active days</td></tr>
 *   <tr><td>feature</td><td>week</td><td>kind, key</td><td>users, events, sessions, session milliseconds</td></tr>
 *   <tr><td>totals</td><td>0</td><td></td><td>users, activity events</td></tr>
 *   <tr><td>answer</td><td>survey id</td><td>group, group key, score</td><td>answers</td></tr>
 * </table>
 */
final class Tally {
  static final StructType SCHEMA =
      new StructType()
          .add("report", DataTypes.StringType, false)
          .add("id", DataTypes.LongType, false)
          .add("key", DataTypes.StringType)
          .add("key2", DataTypes.StringType)
          .add("value", DataTypes.DoubleType, false)
          .add("n", DataTypes.LongType, false)
          .add("a", DataTypes.LongType, false)
          .add("b", DataTypes.LongType, false)
          .add("c", DataTypes.LongType, false);

  static final String SOURCE = "source";
  static final String SEGMENT = "segment";
  static final String COHORT = "cohort";
  static final String[] ONBOARDING_DISTRIBUTIONS = {"hours", "steps", "sessions", "days"};
  static final String ACTIVE = "active";
  static final String SESSIONS_PER_USER = "sessionsPerUser";
  static final String SECONDS_PER_USER = "secondsPerUser";
  static final String AREA = "area";
  static final String FEATURE = "feature";
  static final String TOTALS = "totals";
  /** The tables that are distributions: value by value, possibly millions of cells, streamed. */
  static final java.util.List<String> DISTRIBUTIONS =
      java.util.List.of("hours", "steps", "sessions", "days", "sessionsPerUser", "secondsPerUser");
  static final String ANSWER = "answer";

  /** Answer groups (the {@code key} of an answer tally). */
  static final String OVERALL = "overall";
  static final String BY_COHORT = "cohort";
  static final String BY_OUTCOME = "outcome";
  static final String BY_AREA = "area";

  private Tally() {}

  static Row of(String report, long id, String key, String key2, double value, long n, long a, long b, long c) {
    return RowFactory.create(report, id, key, key2, value, n, a, b, c);
  }

  /** One user (or answer) in a cell, without sums. */
  static Row count(String report, long id, String key, String key2, double value) {
    return of(report, id, key, key2, value, 1, 0, 0, 0);
  }
}
