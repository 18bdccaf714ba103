package io.productopsdash.engine.demo;

import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.WeekId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What the demo data set is made from: the seed of every random draw, how many users sign up, the
 * last of the {@value #WEEKS} ISO weeks (usually the last complete week before today, see {@link
 * #of}) and the zone of weeks and days. The compact constructor names the bad value.
 */
public record DemoSettings(long seed, int users, WeekId lastWeek, ZoneId zone) {
  /** Weeks of data, ending with {@link #lastWeek()}. */
  public static final int WEEKS = 12;
  /** Users of the README's demo. */
  public static final int DEFAULT_USERS = 10_000;
  /** Seed of the README's demo. */
  public static final long DEFAULT_SEED = 42;
  /** Fewest users: below this the weekly survey has too few answers to show anything. */
  public static final int MIN_USERS = 100;
  /** Most users: the demo must stay quick. */
  public static final int MAX_USERS = 200_000;

  public DemoSettings {
    if (users < MIN_USERS || users > MAX_USERS) {
      throw new InvalidInputException("users", "must be within " + MIN_USERS + ".." + MAX_USERS + ", got " + users);
    }
    if (lastWeek == null) {
      throw new InvalidInputException("lastWeek", "is required");
    }
    if (zone == null) {
      throw new InvalidInputException("zone", "is required");
    }
  }

  /** Settings whose last week is the last complete ISO week before {@code clock}'s today in {@code zone}. */
  public static DemoSettings of(long seed, int users, Clock clock, ZoneId zone) {
    return new DemoSettings(seed, users, WeekId.of(clock.instant(), zone).plusWeeks(-1), zone);
  }

  /** The first of the {@value #WEEKS} weeks. */
  public WeekId firstWeek() {
    return lastWeek.plusWeeks(-(WEEKS - 1));
  }

  /** Where the data ends (the start of the week after the last): the evaluation instant of the tallies. */
  public Instant asOf() {
    return lastWeek.end(zone);
  }
}
