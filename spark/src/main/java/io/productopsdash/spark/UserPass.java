package io.productopsdash.spark;

import io.productopsdash.definitions.metrics.LocalDays;
import io.productopsdash.definitions.metrics.MetricsConfigJson;
import io.productopsdash.definitions.metrics.SignupAttribution;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.OnboardingOutcome;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The per-user pass. Its input ({@link #STREAM}) holds, per resolved user, the user's latest
 * traits (part 0), activity events (part 1) and survey answers (part 2), partitioned by user and
 * sorted by (user, part, timestamp, stored order); it holds one user's rows at a time, computes
 * the user's {@link UserTimeline.Facts} and emits the user's {@link Tally} rows: signup source
 * and segment, onboarding, usage per week, and per answer its groups.
 */
final class UserPass implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  static final int TRAITS = 0;
  static final int EVENT = 1;
  static final int ANSWER = 2;

  /** One row of a user's stream. */
  static final StructType STREAM =
      new StructType()
          .add("user", DataTypes.StringType)
          .add("part", DataTypes.IntegerType, false)
          .add("ts", DataTypes.LongType)
          .add("file", DataTypes.IntegerType)
          .add("block", DataTypes.LongType)
          .add("row", DataTypes.LongType)
          .add("type", DataTypes.StringType)
          .add("name", DataTypes.StringType)
          .add("path", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("signupTrait", DataTypes.StringType)
          .add("userTrait", DataTypes.StringType)
          .add("surveyId", DataTypes.LongType)
          .add("week", DataTypes.StringType)
          .add("score", DataTypes.IntegerType);

  private final String configJson;
  private final long firstWeek;
  private final long lastWeek;
  private final long asOf;

  UserPass(String configJson, WeekId from, WeekId to, long asOf) {
    this.configJson = configJson;
    this.firstWeek = LocalDays.weekIndex(from);
    this.lastWeek = LocalDays.weekIndex(to);
    this.asOf = asOf;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    UserTimeline.Context ctx = new UserTimeline.Context(MetricsConfigJson.read(configJson), firstWeek, lastWeek, asOf);
    return new Iterator<>() {
      private Row pending = rows.hasNext() ? rows.next() : null;
      private Iterator<Row> out = List.<Row>of().iterator();

      @Override
      public boolean hasNext() {
        while (!out.hasNext() && pending != null) {
          out = nextUser().iterator();
        }
        return out.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return out.next();
      }

      private List<Row> nextUser() {
        String user = pending.getString(0);
        String userTrait = null;
        List<UserTimeline.Event> events = new ArrayList<>();
        List<Row> answers = new ArrayList<>();
        while (pending != null && Objects.equals(pending.getString(0), user)) {
          switch (pending.getInt(1)) {
            case TRAITS -> userTrait = pending.getString(11);
            case EVENT -> events.add(event(pending));
            default -> answers.add(pending);
          }
          pending = rows.hasNext() ? rows.next() : null;
        }
        UserTimeline.Facts facts = events.isEmpty() ? null : UserTimeline.of(user, events, ctx);
        List<Row> tallies = new ArrayList<>();
        if (facts != null) {
          rollups(facts, userTrait, events.size(), tallies);
        }
        for (Row a : answers) {
          answer(facts, a, ctx, tallies);
        }
        return tallies;
      }
    };
  }

  private static UserTimeline.Event event(Row r) {
    String type = r.getString(6);
    UserTimeline.Kind kind =
        switch (type) {
          case "track" -> UserTimeline.Kind.TRACK;
          case "page" -> UserTimeline.Kind.PAGE;
          case "screen" -> UserTimeline.Kind.SCREEN;
          default -> throw new IllegalArgumentException("not an activity event type: " + type);
        };
    return new UserTimeline.Event(r.getLong(2), kind, r.getString(7), r.getString(8), r.getString(9), r.getString(10));
  }

  /** The user's tallies of the three rollups. */
  private void rollups(UserTimeline.Facts f, String userTrait, int activityEvents, List<Row> out) {
    out.add(Tally.of(Tally.TOTALS, 0, null, null, 0, 1, activityEvents, 0, 0));
    Long w = f.signupWeek();
    if (w != null && w >= firstWeek && w <= lastWeek) {
      out.add(Tally.count(Tally.SOURCE, w, f.source(), null, 0));
      out.add(Tally.count(Tally.SEGMENT, w, SignupAttribution.segment(userTrait, f.signupTrait()), null, 0));
      out.add(Tally.of(
          Tally.COHORT, w, f.outcome().name(), null, 0, 1, f.tickets(), f.tickets() > 0 ? 1 : 0, f.convertedAfterWindow() ? 1 : 0));
      if (f.outcome() == OnboardingOutcome.CONVERTED) {
        double[] values = {f.hours(), f.steps(), f.sessionsToTransaction(), f.days()};
        for (int i = 0; i < values.length; i++) {
          out.add(Tally.count(Tally.ONBOARDING_DISTRIBUTIONS[i], w, null, null, values[i]));
        }
      }
    }
    for (UserTimeline.Week uw : f.weeks()) {
      out.add(Tally.of(Tally.ACTIVE, uw.week(), null, null, 0, 1, uw.sessions(), uw.events(), 0));
      out.add(Tally.count(Tally.SESSIONS_PER_USER, uw.week(), null, null, uw.sessions()));
      out.add(Tally.count(Tally.SECONDS_PER_USER, uw.week(), null, null, uw.seconds()));
      for (int a = 0; a < uw.areaEvents().length; a++) {
        int events = uw.areaEvents()[a];
        if (events > 0) {
          String depth = events == 1 ? "1" : events <= 5 ? "2-5" : "6+";
          out.add(Tally.of(Tally.AREA, uw.week(), Integer.toString(a), depth, 0, 1, events, uw.areaDays()[a], 0));
        }
      }
    }
    for (UserTimeline.Feature x : f.features()) {
      out.add(Tally.of(Tally.FEATURE, x.week(), x.kind(), x.key(), 0, 1, x.events(), x.sessions(), x.millis()));
    }
  }

  /** An answer's tallies in every group; {@code f} null for a respondent without activity events. */
  private void answer(UserTimeline.Facts f, Row a, UserTimeline.Context ctx, List<Row> out) {
    long week = LocalDays.weekIndex(WeekId.parse(a.getString(13), "week"));
    if (week < firstWeek || week > lastWeek) {
      return;
    }
    long survey = a.getLong(12);
    double score = a.getInt(14);
    Long signupWeek = f == null ? null : f.signupWeek();
    OnboardingOutcome outcome = f == null ? OnboardingOutcome.NO_SIGNUP : f.outcome();
    out.add(Tally.count(Tally.ANSWER, survey, Tally.OVERALL, null, score));
    out.add(Tally.count(Tally.ANSWER, survey, Tally.BY_COHORT, signupWeek == null ? null : signupWeek.toString(), score));
    out.add(Tally.count(Tally.ANSWER, survey, Tally.BY_OUTCOME, outcome.name(), score));
    for (int area = 0; area < ctx.areas; area++) {
      boolean adopter = f != null && f.firstAreaWeek()[area] <= week;
      out.add(Tally.count(Tally.ANSWER, survey, Tally.BY_AREA, area + (adopter ? ":adopter" : ":other"), score));
    }
  }
}
