package io.productopsdash.models;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week (Monday start, week 1 holds the year's first Thursday), written {@code
 * 2026-W47}. Weeks are computed in a configured zone; instants are stored in UTC.
 */
public record WeekId(int year, int week) implements Comparable<WeekId> {
  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

  public WeekId {
    if (year < 1970 || year > 9999) {
      throw new InvalidInputException("week", "year must be within 1970..9999, got " + year);
    }
    int weeksInYear = weeksIn(year);
    if (week < 1 || week > weeksInYear) {
      throw new InvalidInputException(
          "week", "week of " + year + " must be within 1.." + weeksInYear + ", got " + week);
    }
  }

  /**
   * Parses {@code YYYY-Www}; the field name goes into the error when the text is malformed.
   * Surrounding spaces are ignored; a control character anywhere (a NUL from {@code %00}, say) is
   * malformed.
   */
  public static WeekId parse(String text, String field) {
    if (text == null) {
      throw new InvalidInputException(field, "is required (format YYYY-Www, e.g. 2026-W07)");
    }
    Matcher m = FORMAT.matcher(text.strip());
    if (!m.matches()) {
      throw new InvalidInputException(
          field, "must be an ISO week like 2026-W07, got '" + abbreviate(text) + "'");
    }
    try {
      return new WeekId(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (InvalidInputException e) {
      throw new InvalidInputException(field, e.rule());
    }
  }

  public static WeekId parse(String text) {
    return parse(text, "week");
  }

  /**
   * As {@link #parse(String, String)}, for a week something is computed for and which must
   * therefore have begun: one after {@code latest} (the current week) is refused.
   */
  public static WeekId parseNotAfter(String text, String field, WeekId latest) {
    WeekId week = parse(text, field);
    if (week.compareTo(latest) > 0) {
      throw new InvalidInputException(
          field, "must not be after the current week " + latest + ", got " + week);
    }
    return week;
  }

  /** The ISO week holding {@code date}. */
  public static WeekId of(LocalDate date) {
    return new WeekId(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The ISO week holding {@code instant} as seen in {@code zone}. */
  public static WeekId of(Instant instant, ZoneId zone) {
    return of(instant.atZone(zone).toLocalDate());
  }

  /** The Monday that starts this week. */
  public LocalDate monday() {
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** The instant this week starts in {@code zone} (Monday 00:00 local time). */
  public Instant start(ZoneId zone) {
    return ZonedDateTime.of(monday().atStartOfDay(), zone).toInstant();
  }

  /** The instant the next week starts in {@code zone}: the exclusive end of this week. */
  public Instant end(ZoneId zone) {
    return plusWeeks(1).start(zone);
  }

  public WeekId plusWeeks(long weeks) {
    return of(monday().plusWeeks(weeks));
  }

  /** Whole weeks from this week to {@code other} (negative when other is earlier). */
  public long weeksUntil(WeekId other) {
    return ChronoUnit.WEEKS.between(monday(), other.monday());
  }

  @Override
  public int compareTo(WeekId o) {
    return year != o.year ? Integer.compare(year, o.year) : Integer.compare(week, o.week);
  }

  @Override
  public String toString() {
    return String.format("%04d-W%02d", year, week);
  }

  private static int weeksIn(int year) {
    return (int) LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
  }

  /** At most 40 characters, control characters shown as escapes so an error message stays one line. */
  private static String abbreviate(String s) {
    String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    StringBuilder out = new StringBuilder(shown.length());
    shown.chars().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04X", c) : String.valueOf((char) c)));
    return out.toString();
  }
}
