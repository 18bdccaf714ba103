package io.productopsdash.engine.theme;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.models.Answer;
import io.productopsdash.models.Interval;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.ThemeWeek;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the dashboard, the API, the CLI and the digest read of a series' themes, each answer from
 * one read transaction with a fixed number of queries (no query per theme): a week's themes with
 * their names, figures, flags, quotes and sentiment mix, the themes gone since the previous themed
 * week and the unclustered bucket; one theme with its answers, sub-themes, weekly sizes and
 * history; and a PM's rename, which pins the name.
 */
public final class ThemeQueries {
  /** Quotes of the unclustered bucket in a week's view. */
  public static final int UNCLUSTERED_QUOTES = 3;

  /** Weeks of a theme's weekly sizes in its detail. */
  public static final int HISTORY_WEEKS = 12;

  /** Themed weeks the recent mean of a theme's size is over (the share test's weeks). */
  public static final int RECENT_WEEKS = ShareTrend.Options.DEFAULT_WEEKS;

  /** Longest name a PM may give a theme. */
  public static final int MAX_NAME_LENGTH = 80;

  private static final ThemeRepository THEMES = new ThemeRepository();
  private static final AnswerRepository ANSWERS = new AnswerRepository();
  private static final Gson GSON = new Gson();

  /** An answer quoted for a theme. */
  public record Quote(long answerId, String text) {}

  /**
   * A theme in one week.
   *
   * @param name the theme's name (the same in every week; a PM's pinned name wins)
   * @param pinned whether a PM pinned the name
   * @param label the keyword label of the week's answers
   * @param trend NEW, FOUND_LATE, SPLIT, GROWING, SHRINKING or STABLE
   * @param pValue the share test's p-value (null for a theme created this week)
   * @param previousSize answers in the series' previous themed week (0 when it had none), null without one
   * @param recentMean mean answers over the series' last (up to {@link #RECENT_WEEKS}) themed weeks
   *     before this one, what GROWING and SHRINKING compare with; null without such a week
   * @param recentWeeks how many weeks {@code recentMean} is over
   * @param origin how the theme came about (NEW, FOUND_LATE, SPLIT; null for themes from before)
   * @param parent the theme it split from, or null
   */
  public record ThemeView(
      long id,
      WeekId week,
      String name,
      boolean pinned,
      String label,
      List<String> keywords,
      int size,
      int answersTotal,
      double share,
      double meanScore,
      Interval meanInterval,
      String trend,
      Double pValue,
      Integer previousSize,
      WeekId previousWeek,
      Double recentMean,
      int recentWeeks,
      Map<String, Integer> sentimentMix,
      List<Quote> quotes,
      String origin,
      Long parent) {}

  /** A theme with answers in the previous themed week and none in this one. */
  public record GoneView(long id, String name, WeekId lastWeek, int lastSize) {}

  /** The unclustered bucket of a week: its size, share of the week's commented answers, quotes. */
  public record UnclusteredView(int size, double share, List<Quote> quotes) {}

  /** A week's themes, largest first (ties by id). */
  public record WeekView(
      long seriesId, WeekId week, List<ThemeView> themes, List<GoneView> gone, UnclusteredView unclustered) {}

  /** An answer of a theme. */
  public record AnswerView(long id, int score, String comment, WeekId week) {}

  /** A sub-theme of a theme in one week. */
  public record SubThemeView(int index, int size, String label, List<Quote> quotes) {}

  /**
   * A recorded decision about a theme.
   *
   * @param kind created, found_late, split_from, merged_into, renamed or retired
   * @param theme the theme the event is about
   * @param other the other theme (the parent of a split, the survivor of a merge), or null
   * @param otherName that theme's name, or null
   * @param from a rename's old name, else null
   * @param to a rename's new name (or a creation's name), else null
   * @param byPm whether a PM made it
   */
  public record EventView(
      WeekId week, String kind, long theme, String themeName, Long other, String otherName, String from, String to,
      boolean byPm, Instant at) {}

  /** One theme in one week, with its answers, sub-themes, sizes per week and history. */
  public record DetailView(
      ThemeView theme,
      List<AnswerView> answers,
      List<SubThemeView> subThemes,
      Map<String, Integer> weekly,
      List<EventView> history) {}

  private final Database db;
  private final String model;

  /** Queries over {@code db}; {@code model} is the embedding model whose vectors choose sub-theme quotes. */
  public ThemeQueries(Database db, String model) {
    this.db = db;
    this.model = model;
  }

  /** The themes of series {@code seriesId} in {@code week}, or in its latest themed week when null. */
  public WeekView week(long seriesId, WeekId week) {
    return db.read(c -> {
      WeekId w = week != null ? week : THEMES.latestWeek(c, seriesId).orElse(null);
      if (w == null) {
        return new WeekView(seriesId, null, List.of(), List.of(), new UnclusteredView(0, 0, List.of()));
      }
      return weekView(c, seriesId, w);
    });
  }

  private WeekView weekView(Connection c, long seriesId, WeekId w) throws SQLException {
    List<ThemeWeek> current = THEMES.weekThemes(c, seriesId, w);
    Map<Long, ThemeRepository.ThemeRow> identities = THEMES.themes(c, seriesId);
    Optional<WeekId> before = THEMES.previousWeek(c, seriesId, w);
    Map<Long, ThemeWeek> previous = new HashMap<>();
    if (before.isPresent()) {
      for (ThemeWeek t : THEMES.weekThemes(c, seriesId, before.get())) {
        previous.put(t.themeId(), t);
      }
    }
    Map<Long, Map<String, Integer>> mixes = THEMES.sentimentCountsOfWeek(c, seriesId, w);
    Recent recent = recent(c, seriesId, w);
    List<Long> unclustered = THEMES.unclustered(c, seriesId, w);
    List<Long> quoted = new ArrayList<>();
    current.forEach(t -> quoted.addAll(t.quotes()));
    quoted.addAll(unclustered.subList(0, Math.min(UNCLUSTERED_QUOTES, unclustered.size())));
    Map<Long, String> texts = texts(c, quoted);
    List<ThemeView> views = new ArrayList<>();
    for (ThemeWeek t : current) {
      ThemeWeek p = previous.get(t.themeId());
      Integer previousSize = before.isEmpty() ? null : p == null ? Integer.valueOf(0) : Integer.valueOf(p.size());
      views.add(
          view(t, identities.get(t.themeId()), previousSize, before.orElse(null), recent, mixes.get(t.themeId()), texts));
    }
    // Gone: in the previous themed week, not in this one, and not merged into another theme by now.
    Set<Long> present = new HashSet<>();
    current.forEach(t -> present.add(t.themeId()));
    Set<Long> merged = new HashSet<>();
    THEMES.merges(c, seriesId, w.plusWeeks(1)).forEach(m -> merged.add(m.absorbed()));
    List<GoneView> gone = new ArrayList<>();
    for (ThemeWeek p : previous.values()) {
      if (!present.contains(p.themeId()) && !merged.contains(p.themeId())) {
        gone.add(new GoneView(p.themeId(), displayName(identities.get(p.themeId()), p), before.get(), p.size()));
      }
    }
    gone.sort(Comparator.comparingInt(GoneView::lastSize).reversed().thenComparingLong(GoneView::id));
    int total = current.isEmpty() ? unclustered.size() : current.get(0).answersTotal();
    List<Quote> unclusteredQuotes =
        unclustered.subList(0, Math.min(UNCLUSTERED_QUOTES, unclustered.size())).stream()
            .map(id -> new Quote(id, texts.get(id)))
            .toList();
    UnclusteredView bucket =
        new UnclusteredView(unclustered.size(), total == 0 ? 0 : (double) unclustered.size() / total, unclusteredQuotes);
    return new WeekView(seriesId, w, views, gone, bucket);
  }

  /** The display names of the themes with these ids (unknown ids are left out). */
  public Map<Long, String> names(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return db.read(c -> {
      Map<Long, String> out = new LinkedHashMap<>();
      for (long id : new java.util.TreeSet<>(ids)) {
        THEMES.theme(c, id).ifPresent(t -> out.put(id, t.displayName()));
      }
      return out;
    });
  }

  /** The unclustered answers of a series in a week (its latest themed week when null), by id. */
  public List<AnswerView> unclustered(long seriesId, WeekId week) {
    return db.read(c -> {
      WeekId w = week != null ? week : THEMES.latestWeek(c, seriesId).orElse(null);
      if (w == null) {
        return List.of();
      }
      return ANSWERS.listByIds(c, THEMES.unclustered(c, seriesId, w)).stream()
          .map(a -> new AnswerView(a.id(), a.score(), a.comment(), a.week()))
          .sorted(Comparator.comparingLong(AnswerView::id))
          .toList();
    });
  }

  /**
   * Theme {@code themeId} in {@code week} (its latest week when null).
   *
   * @throws NotFoundException for an unknown theme, or one without answers that week
   */
  public DetailView theme(long themeId, WeekId week) {
    DetailView detail = db.read(c -> {
      ThemeRepository.ThemeRow identity =
          THEMES.theme(c, themeId).orElseThrow(() -> new NotFoundException("id", "No theme " + themeId));
      WeekId w =
          week != null
              ? week
              : THEMES.latestWeekOf(c, themeId).orElseThrow(() -> new NotFoundException("id", "No theme " + themeId));
      ThemeWeek t =
          THEMES.find(c, themeId, w)
              .orElseThrow(() -> new NotFoundException("week", "Theme " + themeId + " has no answers in week " + w));
      Optional<WeekId> before = THEMES.previousWeek(c, identity.seriesId(), w);
      Integer previousSize =
          before.isEmpty() ? null : THEMES.find(c, themeId, before.get()).map(ThemeWeek::size).orElse(0);
      List<Answer> members = ANSWERS.listInTheme(c, themeId, w);
      Map<Long, String> texts = new HashMap<>();
      members.forEach(a -> texts.put(a.id(), a.comment()));
      Map<String, Integer> mix = THEMES.sentimentCountsOfWeek(c, identity.seriesId(), w).get(themeId);
      ThemeView view = view(t, identity, previousSize, before.orElse(null), recent(c, identity.seriesId(), w), mix, texts);
      Map<String, Integer> weekly = new LinkedHashMap<>();
      WeekId from = w.plusWeeks(-(HISTORY_WEEKS - 1));
      for (int i = 0; i < HISTORY_WEEKS; i++) {
        weekly.put(from.plusWeeks(i).toString(), 0);
      }
      for (ThemeRepository.CountRow r : THEMES.counts(c, identity.seriesId(), from, w.plusWeeks(1))) {
        if (r.theme() == themeId) {
          weekly.put(r.week().toString(), r.size());
        }
      }
      Map<Long, ThemeRepository.ThemeRow> identities = THEMES.themes(c, identity.seriesId());
      List<EventView> history = new ArrayList<>();
      for (ThemeRepository.EventRow e : THEMES.events(c, themeId)) {
        history.add(event(e, identities));
      }
      List<AnswerView> answers =
          members.stream().map(a -> new AnswerView(a.id(), a.score(), a.comment(), a.week())).toList();
      return new DetailView(view, answers, List.of(), weekly, history);
    });
    Map<Long, String> texts = new HashMap<>();
    detail.answers().forEach(a -> texts.put(a.id(), a.comment()));
    List<SubThemeView> subs =
        SubThemes.of(db, themeId, detail.theme().week(), model).stream()
            .map(s -> new SubThemeView(s.index(), s.size(), s.label(), s.quotes().stream().map(q -> new Quote(q, texts.get(q))).toList()))
            .toList();
    return new DetailView(detail.theme(), detail.answers(), subs, detail.weekly(), detail.history());
  }

  /**
   * Renames theme {@code themeId} and pins the name (a run keeps a pinned name), recording the
   * rename in its history under {@code currentWeek}; {@code pinned} false unpins it (the next run
   * names the theme again only if its answers drift).
   *
   * @throws InvalidInputException naming {@code name} when it is empty, longer than {@value
   *     #MAX_NAME_LENGTH} characters, has control characters, or is another theme's name
   * @throws NotFoundException for an unknown theme
   */
  public ThemeRepository.ThemeRow rename(long themeId, String name, boolean pinned, WeekId currentWeek, Instant now) {
    String cleaned = checkName(name);
    return db.write(c -> {
      ThemeRepository.ThemeRow row =
          THEMES.theme(c, themeId).orElseThrow(() -> new NotFoundException("id", "No theme " + themeId));
      for (ThemeRepository.ThemeRow other : THEMES.themes(c, row.seriesId()).values()) {
        if (other.id() != themeId && other.displayName().toLowerCase(Locale.ROOT).equals(cleaned.toLowerCase(Locale.ROOT))) {
          throw new InvalidInputException("name", "is already the name of theme " + other.id() + " (\"" + other.displayName() + "\")");
        }
      }
      String before = row.displayName();
      THEMES.setName(c, themeId, cleaned, true);
      if (!pinned) {
        THEMES.unpin(c, themeId);
      }
      if (!before.equals(cleaned)) {
        JsonObject detail = new JsonObject();
        detail.addProperty("from", before);
        detail.addProperty("to", cleaned);
        THEMES.insertEvent(c, row.seriesId(), themeId, currentWeek, "renamed", null, GSON.toJson(detail), true, now);
      }
      return THEMES.theme(c, themeId).orElseThrow();
    });
  }

  /** {@code name} stripped, or an {@link InvalidInputException} naming {@code name}. */
  static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "is required: 1 to " + MAX_NAME_LENGTH + " characters");
    }
    String cleaned = name.strip();
    if (cleaned.length() > MAX_NAME_LENGTH) {
      throw new InvalidInputException("name", "is " + cleaned.length() + " characters long; at most " + MAX_NAME_LENGTH);
    }
    for (int i = 0; i < cleaned.length(); i++) {
      if (Character.isISOControl(cleaned.charAt(i))) {
        throw new InvalidInputException("name", "must not contain control characters (found U+"
            + String.format(Locale.ROOT, "%04X", (int) cleaned.charAt(i)) + ")");
      }
    }
    return cleaned;
  }

  /* Sizes per theme over the series' last themed weeks before a week. */
  private record Recent(int weeks, Map<Long, Integer> sums) {
    Double mean(long theme) {
      return weeks == 0 ? null : (double) sums.getOrDefault(theme, 0) / weeks;
    }
  }

  private static Recent recent(Connection c, long seriesId, WeekId w) throws SQLException {
    List<WeekId> weeks = THEMES.themedWeeks(c, seriesId, w, RECENT_WEEKS);
    Map<Long, Integer> sums = new HashMap<>();
    if (!weeks.isEmpty()) {
      for (ThemeRepository.CountRow r : THEMES.counts(c, seriesId, weeks.get(weeks.size() - 1), w)) {
        sums.merge(r.theme(), r.size(), Integer::sum);
      }
    }
    return new Recent(weeks.size(), sums);
  }

  private static ThemeView view(
      ThemeWeek t,
      ThemeRepository.ThemeRow identity,
      Integer previousSize,
      WeekId previousWeek,
      Recent recent,
      Map<String, Integer> mix,
      Map<Long, String> texts) {
    return new ThemeView(
        t.themeId(), t.week(), displayName(identity, t), identity != null && identity.pinned(), t.label(), t.keywords(),
        t.size(), t.answersTotal(), t.share(), t.meanScore(), t.meanInterval(), t.trend().name(), t.pValue(), previousSize,
        previousWeek, recent.mean(t.themeId()), recent.weeks(), mix, t.quotes().stream().map(q -> new Quote(q, texts.get(q))).toList(),
        identity == null ? null : identity.origin(), identity == null ? null : identity.parent());
  }

  private static String displayName(ThemeRepository.ThemeRow identity, ThemeWeek week) {
    if (identity != null && identity.name() != null) {
      return identity.name();
    }
    return week.name();
  }

  private static EventView event(ThemeRepository.EventRow e, Map<Long, ThemeRepository.ThemeRow> identities) {
    String from = null;
    String to = null;
    if (e.detail() != null) {
      JsonObject d = GSON.fromJson(e.detail(), JsonObject.class);
      from = d.has("from") ? d.get("from").getAsString() : null;
      to = d.has("to") ? d.get("to").getAsString() : d.has("name") ? d.get("name").getAsString() : null;
    }
    ThemeRepository.ThemeRow subject = identities.get(e.theme());
    ThemeRepository.ThemeRow other = e.other() == null ? null : identities.get(e.other());
    return new EventView(
        e.week(), e.kind(), e.theme(), subject == null ? null : subject.displayName(), e.other(),
        other == null ? null : other.displayName(), from, to, e.byPm(), e.at());
  }

  private static Map<Long, String> texts(Connection c, List<Long> ids) throws SQLException {
    Map<Long, String> out = new HashMap<>();
    for (Answer a : ANSWERS.listByIds(c, ids)) {
      out.put(a.id(), a.comment());
    }
    return out;
  }
}
