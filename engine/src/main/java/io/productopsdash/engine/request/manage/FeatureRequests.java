package io.productopsdash.engine.request.manage;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.FeatureRequestRepository;
import io.productopsdash.data.FeatureRequestRepository.AskRow;
import io.productopsdash.data.FeatureRequestRepository.EventRow;
import io.productopsdash.data.FeatureRequestRepository.GroupRow;
import io.productopsdash.engine.request.AskTerms;
import io.productopsdash.engine.request.RequestNamer;
import io.productopsdash.models.Answer;
import io.productopsdash.models.ConflictException;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.RequestStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The feature requests of a survey series as a PM sees and manages them; the one source of every
 * number shown about them (API, dashboard, CLI, digest).
 *
 * <p>Numbers, for a reference week {@code w} (the week asked for, else the series' latest week
 * with an ask): {@code requesters} are the distinct users whose answers are in the group or its
 * children (all weeks); {@code reach} is the distinct requesters of weeks {@code w-11..w} over the
 * distinct users active in those weeks (any product event, users resolved as the rollups do), or,
 * without any product event in the window, over the distinct respondents of the series in those
 * weeks ({@code reachBase} says which); {@code meanScore} is the mean score of the group's answers,
 * each answer once; {@code trend} is the requesters of weeks {@code w-3..w} minus those of {@code
 * w-7..w-4}; recency is the time of the latest answer.
 *
 * <p>Commands check their input (naming the field), run in one transaction each and are recorded
 * with who made them. Names are unique in a series (case-insensitive); a name a PM gives is kept by
 * later runs.
 */
public final class FeatureRequests {
  /** Weeks of the reach window. */
  public static final int REACH_WEEKS = 12;
  /** Weeks compared by the trend. */
  public static final int TREND_WEEKS = 4;
  /** The longest status note. */
  public static final int MAX_NOTE = 2000;
  /** The longest name. */
  public static final int MAX_NAME = 80;
  /** The longest external link. */
  public static final int MAX_LINK = 2000;
  /** The longest author name. */
  public static final int MAX_ACTOR = 80;
  /** The most answers moved by one split. */
  public static final int MAX_SPLIT = 10_000;

  /** One request group in a list. */
  public record Summary(
      long id,
      long seriesId,
      String name,
      boolean namePinned,
      String status,
      String statusNote,
      String statusBy,
      Instant statusAt,
      String link,
      Long parentId,
      Long mergedInto,
      List<Long> children,
      int requesters,
      int answers,
      double reach,
      Double meanScore,
      int trend,
      WeekId firstWeek,
      WeekId lastWeek,
      Instant lastAnsweredAt,
      Map<String, Integer> weekly,
      Instant createdAt,
      Instant updatedAt) {}

  /** The reach of a group and how it was computed. */
  public record Reach(WeekId from, WeekId to, int requesters, long base, String baseKind, double share) {}

  /** A list of a series' groups. */
  public record Listing(long seriesId, WeekId week, String sort, Reach window, List<Summary> requests) {}

  /** An answer of an opened group. */
  public record AnswerItem(
      long answerId, long requestId, String userId, WeekId week, int score, String comment, String phrase, boolean pinned) {}

  /** A distinct requester of an opened group. */
  public record Requester(String userId, int answers, double meanScore, WeekId lastWeek, String plan, String segment) {}

  /** A recorded action. */
  public record Event(Instant at, String actor, String kind, String oldValue, String newValue, String note) {}

  /** An opened group. */
  public record Detail(
      Summary request,
      Summary parent,
      List<Summary> children,
      Reach reach,
      List<AnswerItem> answers,
      List<Requester> requesters,
      List<Event> history) {}

  /**
   * Changes to a group; null fields stay as they are.
   *
   * @param name a new name (pinned)
   * @param status a new status
   * @param note the note of the status change (only with a status)
   * @param linkGiven whether {@code link} is to be set (null or blank then clears it)
   * @param link the external link, http or https
   */
  public record Update(String name, RequestStatus status, String note, boolean linkGiven, String link) {}

  private static final FeatureRequestRepository REQUESTS = new FeatureRequestRepository();
  private static final AnswerRepository ANSWERS = new AnswerRepository();

  private final Database db;
  private final Clock clock;
  private final ZoneId zone;
  private final Supplier<String> segmentTrait;

  /**
   * @param segmentTrait the configured segment trait (MetricsConfig), or null; a requester's
   *     {@code segment} is that trait's value and {@code plan} the {@code plan} trait's
   */
  public FeatureRequests(Database db, Clock clock, ZoneId zone, Supplier<String> segmentTrait) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.segmentTrait = segmentTrait == null ? () -> null : segmentTrait;
  }

  // --- reading -----------------------------------------------------------------------------------

  /** The groups of a series that are not merged away, sorted. */
  public Listing list(long seriesId, WeekId week, RequestSort sort) {
    Objects.requireNonNull(sort, "sort");
    return db.read(c -> {
      State s = state(c, seriesId, week);
      List<Summary> out = new ArrayList<>();
      for (GroupRow g : s.groups.values()) {
        if (g.mergedInto() == null) {
          out.add(s.summary(g));
        }
      }
      out.sort(comparator(sort));
      return new Listing(seriesId, s.reference, sort.wire(), s.window(), List.copyOf(out));
    });
  }

  /** One group with its answers, requesters and history. */
  public Detail get(long id, WeekId week) {
    return db.read(c -> {
      GroupRow row = REQUESTS.findGroup(c, id).orElseThrow(() -> new NotFoundException("id", "No feature request " + id));
      State s = state(c, row.seriesId(), week);
      GroupRow g = s.groups.get(id);
      Summary summary = s.summary(g);
      List<AskRow> asks = s.family(g);
      Map<Long, String> comments = new HashMap<>();
      Set<Long> answerIds = new HashSet<>();
      asks.forEach(a -> answerIds.add(a.answerId()));
      for (Answer a : ANSWERS.listByIds(c, answerIds)) {
        comments.put(a.id(), a.comment());
      }
      List<AnswerItem> answers = new ArrayList<>();
      Map<String, List<AskRow>> byUser = new TreeMap<>();
      Set<Long> seen = new HashSet<>();
      for (AskRow a : sorted(asks)) {
        if (seen.add(a.answerId())) {
          answers.add(new AnswerItem(a.answerId(), a.requestId(), a.userId(), a.week(), a.score(), comments.get(a.answerId()), a.phrase(), a.pinned()));
          byUser.computeIfAbsent(a.userId(), k -> new ArrayList<>()).add(a);
        }
      }
      Map<String, String> traits = REQUESTS.traits(c, byUser.keySet());
      String trait = segmentTrait.get();
      List<Requester> requesters = new ArrayList<>();
      byUser.forEach((user, rows) -> {
        double mean = rows.stream().mapToInt(AskRow::score).average().orElse(0);
        WeekId last = rows.stream().map(AskRow::week).max(Comparator.naturalOrder()).orElseThrow();
        String json = traits.get(user);
        requesters.add(new Requester(user, rows.size(), mean, last, Traits.value(json, "plan"),
            trait == null ? null : Traits.value(json, trait)));
      });
      List<Event> history = new ArrayList<>();
      for (EventRow e : REQUESTS.events(c, id)) {
        history.add(new Event(e.at(), e.actor(), e.kind(), e.oldValue(), e.newValue(), e.note()));
      }
      List<Summary> children = new ArrayList<>();
      for (long child : s.children.getOrDefault(id, List.of())) {
        children.add(s.summary(s.groups.get(child)));
      }
      children.sort(comparator(RequestSort.REQUESTERS));
      Summary parent = g.parentId() == null || !s.groups.containsKey(g.parentId()) ? null : s.summary(s.groups.get(g.parentId()));
      return new Detail(summary, parent, children, s.reach(g), answers, requesters, history);
    });
  }

  // --- commands ----------------------------------------------------------------------------------

  /** Renames, sets the status (with a note) and/or the link of a group. */
  public Summary update(long id, Update changes, String actor) {
    Objects.requireNonNull(changes, "changes");
    String by = actor(actor);
    String name = changes.name() == null ? null : name(changes.name(), "name");
    String note = note(changes.note(), changes.status() != null);
    String link = changes.linkGiven() ? link(changes.link()) : null;
    Instant now = clock.instant();
    db.write(c -> {
      GroupRow g = open(c, id);
      if (name != null && !name.equals(g.name())) {
        unique(c, g.seriesId(), name, id, "name");
        REQUESTS.updateName(c, id, name, true, now);
        REQUESTS.insertEvent(c, id, now, by, "renamed", g.name(), name, null);
      } else if (name != null) {
        REQUESTS.updateName(c, id, name, true, now);
      }
      if (changes.status() != null) {
        REQUESTS.updateStatus(c, id, changes.status(), note, by, now);
        REQUESTS.insertEvent(c, id, now, by, "status", g.status().wire(), changes.status().wire(), note);
      }
      if (changes.linkGiven() && !Objects.equals(link, g.link())) {
        REQUESTS.updateLink(c, id, link, now);
        REQUESTS.insertEvent(c, id, now, by, "link", g.link(), link, null);
      }
      return null;
    });
    return summary(id);
  }

  /**
   * Merges group {@code id} into {@code into}: its answers, children and later asks like its own
   * go there. Returns the group merged into.
   *
   * @throws ConflictException naming {@code into} for the group itself, a group of another series
   *     or a group merged away; naming {@code id} when the group was merged already
   */
  public Summary merge(long id, long into, String actor) {
    String by = actor(actor);
    Instant now = clock.instant();
    if (id == into) {
      throw new ConflictException("into", "A feature request cannot be merged into itself (" + id + ")");
    }
    db.write(c -> {
      GroupRow from = open(c, id);
      GroupRow target =
          REQUESTS.findGroup(c, into).orElseThrow(() -> new NotFoundException("into", "No feature request " + into));
      if (target.seriesId() != from.seriesId()) {
        throw new ConflictException(
            "into", "Feature request " + into + " belongs to another survey series than " + id + "; only requests of one series can be merged");
      }
      if (target.mergedInto() != null) {
        throw new ConflictException("into", "Feature request " + into + " was merged into " + target.mergedInto() + "; merge into that one");
      }
      REQUESTS.merge(c, id, into, now);
      REQUESTS.insertEvent(c, id, now, by, "merged", null, String.valueOf(into), "merged into " + target.name());
      REQUESTS.insertEvent(c, into, now, by, "merged", String.valueOf(id), null, from.name() + " merged into it");
      return null;
    });
    return summary(into);
  }

  /**
   * Moves the given answers out of group {@code id} into a new group (named {@code name}, or after
   * what they ask). Returns the new group.
   */
  public Summary split(long id, List<Long> answerIds, String name, String actor) {
    String by = actor(actor);
    if (answerIds == null || answerIds.isEmpty()) {
      throw new InvalidInputException("answers", "must list at least one answer id of the request");
    }
    if (answerIds.size() > MAX_SPLIT) {
      throw new InvalidInputException("answers", "must list at most " + MAX_SPLIT + " answers, got " + answerIds.size());
    }
    String given = name == null ? null : name(name, "name");
    Instant now = clock.instant();
    long created = db.write(c -> {
      GroupRow g = open(c, id);
      List<AskRow> own = new ArrayList<>();
      for (AskRow a : REQUESTS.asks(c, g.seriesId())) {
        if (a.requestId() == id) {
          own.add(a);
        }
      }
      Set<Long> members = new HashSet<>();
      own.forEach(a -> members.add(a.answerId()));
      List<Long> missing = answerIds.stream().filter(a -> !members.contains(a)).distinct().toList();
      if (!missing.isEmpty()) {
        throw new InvalidInputException(
            "answers", "must be answers of feature request " + id + "; not in it: " + missing.subList(0, Math.min(10, missing.size())));
      }
      Set<Long> moving = new HashSet<>(answerIds);
      Set<String> taken = new HashSet<>();
      for (GroupRow other : REQUESTS.groups(c, g.seriesId())) {
        if (other.mergedInto() == null) {
          taken.add(other.name().toLowerCase(Locale.ROOT));
        }
      }
      String newName;
      if (given != null) {
        unique(c, g.seriesId(), given, -1, "name");
        newName = given;
      } else {
        List<String> phrases = new ArrayList<>();
        List<List<AskTerms.Term>> terms = new ArrayList<>();
        List<Boolean> english = new ArrayList<>();
        for (AskRow a : own) {
          if (moving.contains(a.answerId())) {
            phrases.add(a.phrase());
            terms.add(AskTerms.decode(a.terms()));
            english.add("en".equals(a.language()));
          }
        }
        double[][] similarity = new double[phrases.size()][phrases.size()];
        newName = RequestNamer.name(phrases, similarity, terms, english, taken);
      }
      long to = REQUESTS.insertGroup(c, g.seriesId(), newName, null, now);
      REQUESTS.updateName(c, to, newName, given != null, now);
      REQUESTS.moveAnswers(c, id, to, moving);
      REQUESTS.insertEvent(c, to, now, by, "created", null, newName, "split from " + g.name());
      REQUESTS.insertEvent(c, id, now, by, "split", null, String.valueOf(to), moving.size() + " answers moved to " + newName);
      return to;
    });
    return summary(created);
  }

  // --- CSV ---------------------------------------------------------------------------------------

  /** The groups of a listing as CSV (RFC 4180, a header row; formula-like cells neutralised). */
  public static String groupsCsv(Listing listing) {
    StringBuilder b = new StringBuilder("id,name,status,requesters,answers,reach,mean_score,trend,last_week,parent_id,link,status_note\r\n");
    for (Summary s : listing.requests()) {
      Csv.row(b, String.valueOf(s.id()), s.name(), s.status(), String.valueOf(s.requesters()), String.valueOf(s.answers()),
          String.format(Locale.ROOT, "%.4f", s.reach()), s.meanScore() == null ? "" : String.format(Locale.ROOT, "%.2f", s.meanScore()),
          String.valueOf(s.trend()), s.lastWeek() == null ? "" : s.lastWeek().toString(),
          s.parentId() == null ? "" : String.valueOf(s.parentId()), s.link(), s.statusNote());
    }
    return b.toString();
  }

  /** The distinct requesters of a group as CSV, one row each (to tell them when it ships). */
  public static String requestersCsv(Detail detail) {
    StringBuilder b = new StringBuilder("user_id,plan,segment,answers,mean_score,last_week\r\n");
    for (Requester r : detail.requesters()) {
      Csv.row(b, r.userId(), r.plan(), r.segment(), String.valueOf(r.answers()),
          String.format(Locale.ROOT, "%.2f", r.meanScore()), r.lastWeek().toString());
    }
    return b.toString();
  }

  // --- internals ---------------------------------------------------------------------------------

  private Summary summary(long id) {
    return db.read(c -> {
      GroupRow row = REQUESTS.findGroup(c, id).orElseThrow(() -> new NotFoundException("id", "No feature request " + id));
      State s = state(c, row.seriesId(), null);
      return s.summary(s.groups.get(id));
    });
  }

  private static GroupRow open(java.sql.Connection c, long id) throws java.sql.SQLException {
    GroupRow g = REQUESTS.findGroup(c, id).orElseThrow(() -> new NotFoundException("id", "No feature request " + id));
    if (g.mergedInto() != null) {
      throw new ConflictException("id", "Feature request " + id + " was merged into " + g.mergedInto() + "; change that one");
    }
    return g;
  }

  private static void unique(java.sql.Connection c, long seriesId, String name, long except, String field)
      throws java.sql.SQLException {
    for (GroupRow other : REQUESTS.groups(c, seriesId)) {
      if (other.id() != except && other.mergedInto() == null && other.name().equalsIgnoreCase(name)) {
        throw new ConflictException(field, "'" + name + "' is already the name of feature request " + other.id());
      }
    }
  }

  private static String actor(String actor) {
    if (actor == null || actor.isBlank()) {
      return "admin";
    }
    String a = actor.strip();
    if (a.length() > MAX_ACTOR || a.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("by", "must be at most " + MAX_ACTOR + " characters without control characters");
    }
    return a;
  }

  static String name(String raw, String field) {
    String n = raw.strip();
    if (n.isEmpty()) {
      throw new InvalidInputException(field, "must not be empty");
    }
    if (n.length() > MAX_NAME) {
      throw new InvalidInputException(field, "must be at most " + MAX_NAME + " characters, got " + n.length());
    }
    if (n.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException(field, "must not contain control characters");
    }
    return n;
  }

  static String note(String raw, boolean withStatus) {
    if (raw == null) {
      return null;
    }
    if (!withStatus) {
      throw new InvalidInputException("note", "is the note of a status change: send it with a status");
    }
    if (raw.length() > MAX_NOTE) {
      throw new InvalidInputException("note", "must be at most " + MAX_NOTE + " characters, got " + raw.length());
    }
    if (raw.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
      throw new InvalidInputException("note", "must not contain control characters other than line breaks and tabs");
    }
    return raw.isBlank() ? null : raw.strip();
  }

  static String link(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String l = raw.strip();
    if (l.length() > MAX_LINK) {
      throw new InvalidInputException("link", "must be at most " + MAX_LINK + " characters, got " + l.length());
    }
    try {
      URI uri = new URI(l);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
        throw new InvalidInputException("link", "must be an http or https URL with a host, got '" + abbreviate(l) + "'");
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      throw new InvalidInputException("link", "must be an http or https URL, got '" + abbreviate(l) + "': " + e.getReason());
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }

  private static Comparator<Summary> comparator(RequestSort sort) {
    Comparator<Summary> byId = Comparator.comparingLong(Summary::id);
    return switch (sort) {
      case REQUESTERS -> Comparator.comparingInt(Summary::requesters).reversed().thenComparing(byId);
      case REACH -> Comparator.comparingDouble(Summary::reach).reversed()
          .thenComparing(Comparator.comparingInt(Summary::requesters).reversed()).thenComparing(byId);
      case TREND -> Comparator.comparingInt(Summary::trend).reversed()
          .thenComparing(Comparator.comparingInt(Summary::requesters).reversed()).thenComparing(byId);
      case RECENT -> Comparator.comparing(Summary::lastAnsweredAt, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(byId);
    };
  }

  private static List<AskRow> sorted(List<AskRow> asks) {
    List<AskRow> out = new ArrayList<>(asks);
    out.sort(Comparator.comparing(AskRow::answeredAt).reversed().thenComparing(Comparator.comparingLong(AskRow::answerId).reversed()));
    return out;
  }

  private State state(java.sql.Connection c, long seriesId, WeekId week) throws java.sql.SQLException {
    Map<Long, GroupRow> groups = new LinkedHashMap<>();
    for (GroupRow g : REQUESTS.groups(c, seriesId)) {
      groups.put(g.id(), g);
    }
    Map<Long, List<AskRow>> asks = new HashMap<>();
    WeekId latest = null;
    for (AskRow a : REQUESTS.asks(c, seriesId)) {
      asks.computeIfAbsent(a.requestId(), k -> new ArrayList<>()).add(a);
      latest = latest == null || a.week().compareTo(latest) > 0 ? a.week() : latest;
    }
    WeekId reference = week != null ? week : latest;
    Map<Long, List<Long>> children = new HashMap<>();
    for (GroupRow g : groups.values()) {
      if (g.parentId() != null && g.mergedInto() == null) {
        children.computeIfAbsent(g.parentId(), k -> new ArrayList<>()).add(g.id());
      }
    }
    long base = 0;
    String baseKind = "active users";
    if (reference != null) {
      WeekId from = reference.plusWeeks(-(REACH_WEEKS - 1));
      base = REQUESTS.activeUsers(c, from.start(zone), reference.end(zone));
      if (base == 0) {
        base = REQUESTS.respondents(c, seriesId, from, reference);
        baseKind = "respondents";
      }
    }
    return new State(groups, asks, children, reference, base, baseKind);
  }

  /** A series' groups and asks read in one transaction, and the numbers derived from them. */
  private static final class State {
    final Map<Long, GroupRow> groups;
    final Map<Long, List<AskRow>> asks;
    final Map<Long, List<Long>> children;
    final WeekId reference;
    final long base;
    final String baseKind;

    State(Map<Long, GroupRow> groups, Map<Long, List<AskRow>> asks, Map<Long, List<Long>> children, WeekId reference,
        long base, String baseKind) {
      this.groups = groups;
      this.asks = asks;
      this.children = children;
      this.reference = reference;
      this.base = base;
      this.baseKind = baseKind;
    }

    List<AskRow> family(GroupRow g) {
      List<AskRow> out = new ArrayList<>(asks.getOrDefault(g.id(), List.of()));
      for (long child : children.getOrDefault(g.id(), List.of())) {
        out.addAll(asks.getOrDefault(child, List.of()));
      }
      return out;
    }

    Reach window() {
      return reference == null
          ? new Reach(null, null, 0, 0, baseKind, 0)
          : new Reach(reference.plusWeeks(-(REACH_WEEKS - 1)), reference, 0, base, baseKind, 0);
    }

    Reach reach(GroupRow g) {
      if (reference == null) {
        return window();
      }
      WeekId from = reference.plusWeeks(-(REACH_WEEKS - 1));
      Set<String> users = new HashSet<>();
      for (AskRow a : family(g)) {
        if (a.week().compareTo(from) >= 0 && a.week().compareTo(reference) <= 0) {
          users.add(a.userId());
        }
      }
      return new Reach(from, reference, users.size(), base, baseKind, base == 0 ? 0 : users.size() / (double) base);
    }

    Summary summary(GroupRow g) {
      List<AskRow> all = family(g);
      Set<String> users = new HashSet<>();
      Map<Long, Integer> scores = new LinkedHashMap<>();
      Map<WeekId, Set<String>> weekly = new TreeMap<>();
      Instant last = null;
      for (AskRow a : all) {
        users.add(a.userId());
        scores.putIfAbsent(a.answerId(), a.score());
        weekly.computeIfAbsent(a.week(), k -> new HashSet<>()).add(a.userId());
        last = last == null || a.answeredAt().isAfter(last) ? a.answeredAt() : last;
      }
      Double mean = scores.isEmpty() ? null : scores.values().stream().mapToInt(Integer::intValue).average().orElse(0);
      int trend = 0;
      if (reference != null) {
        Set<String> recent = new HashSet<>();
        Set<String> before = new HashSet<>();
        for (AskRow a : all) {
          long ago = a.week().weeksUntil(reference);
          if (ago >= 0 && ago < TREND_WEEKS) {
            recent.add(a.userId());
          } else if (ago >= TREND_WEEKS && ago < 2L * TREND_WEEKS) {
            before.add(a.userId());
          }
        }
        trend = recent.size() - before.size();
      }
      Map<String, Integer> counts = new LinkedHashMap<>();
      weekly.forEach((w, u) -> counts.put(w.toString(), u.size()));
      WeekId first = weekly.isEmpty() ? null : ((TreeMap<WeekId, Set<String>>) weekly).firstKey();
      WeekId lastWeek = weekly.isEmpty() ? null : ((TreeMap<WeekId, Set<String>>) weekly).lastKey();
      List<Long> kids = List.copyOf(children.getOrDefault(g.id(), List.of()));
      return new Summary(
          g.id(), g.seriesId(), g.name(), g.namePinned(), g.status().wire(), g.statusNote(), g.statusBy(), g.statusAt(),
          g.link(), g.parentId(), g.mergedInto(), kids, users.size(), scores.size(), reach(g).share(), mean, trend, first, lastWeek, last,
          counts, g.createdAt(), g.updatedAt());
    }
  }
}
