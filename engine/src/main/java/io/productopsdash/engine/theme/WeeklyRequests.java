package io.productopsdash.engine.theme;

import io.productopsdash.data.Database;
import io.productopsdash.data.FeatureRequestRepository;
import io.productopsdash.data.FeatureRequestRepository.AskRow;
import io.productopsdash.data.FeatureRequestRepository.GroupRow;
import io.productopsdash.engine.request.AskSimilarity;
import io.productopsdash.engine.request.AskTerms;
import io.productopsdash.engine.request.RequestBatch;
import io.productopsdash.engine.request.RequestLanguage;
import io.productopsdash.models.Answer;
import io.productopsdash.models.ConflictException;
import io.productopsdash.models.WeekId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The feature-request step of a {@link WeeklyThemeRun}: one call that reads the series' request
 * groups, finds the asks of the week's answers and where they belong ({@link RequestBatch}), and
 * stores them in its own transaction, replacing what an earlier run of the week stored.
 *
 * <p>An ask found again in a re-run of the week (the same answer asking the same thing) goes back
 * to the group the earlier run put it in, so a re-run gives the same groups. What a PM did is kept: asks a PM moved (split) stay where they were put and their answers are
 * not re-detected; a group's name a PM chose, its status, note and link stay; a group merged into
 * another keeps its asks' origin, so later asks like it join the group it was merged into. A new
 * group of the re-run takes over the id (and so the status and name) of a group of the earlier run
 * of this week that would otherwise be left empty, the one most of its answers came from.
 */
final class WeeklyRequests {
  /**
   * What the step stored.
   *
   * @param detected answers of the week that ask for something
   * @param created groups created
   */
  record Result(int detected, int created) {}

  private static final FeatureRequestRepository REQUESTS = new FeatureRequestRepository();
  private static final String RUN = "theme run";
  /** The most asks a grown group is named from (its latest). */
  private static final int MAX_NAMED = 60;

  private WeeklyRequests() {}

  /**
   * Detects, groups and stores the feature requests of {@code answers} (the week's commented
   * answers of series {@code seriesId}).
   *
   * @throws ConflictException when a group this run keeps was deleted meanwhile (nothing stored)
   */
  static Result run(
      Database db, long seriesId, WeekId week, List<Answer> answers, TextEmbedder embedder, Instant now) {
    Objects.requireNonNull(week, "week");
    Loaded in =
        db.read(c -> new Loaded(REQUESTS.groups(c, seriesId), REQUESTS.asks(c, seriesId)));
    Set<Long> thisWeek = new HashSet<>();
    answers.forEach(a -> thisWeek.add(a.id()));
    Set<Long> pinnedAnswers = new HashSet<>();
    Map<Long, Map<Long, Integer>> earlier = new HashMap<>();
    Map<String, Long> earlierAsks = new HashMap<>();
    Map<Long, Map<Long, List<AskSimilarity.Ask>>> byOrigin = new LinkedHashMap<>();
    Set<Long> groupsWithOtherAsks = new HashSet<>();
    for (AskRow a : in.asks) {
      boolean ofThisWeek = thisWeek.contains(a.answerId());
      if (ofThisWeek && a.pinned()) {
        pinnedAnswers.add(a.answerId());
      }
      if (ofThisWeek && !a.pinned()) {
        earlier.computeIfAbsent(a.requestId(), k -> new HashMap<>()).merge(a.answerId(), 1, Integer::sum);
        earlierAsks.put(RequestBatch.askKey(a.answerId(), a.phrase()), a.requestId());
      } else {
        groupsWithOtherAsks.add(a.requestId());
      }
      if (a.vector() != null) {
        byOrigin
            .computeIfAbsent(a.requestId(), k -> new LinkedHashMap<>())
            .computeIfAbsent(a.originId(), k -> new ArrayList<>())
            .add(new AskSimilarity.Ask(AskTerms.decode(a.terms()), a.vector()));
      }
    }
    Map<Long, GroupRow> groups = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (GroupRow g : in.groups) {
      groups.put(g.id(), g);
      if (g.mergedInto() == null) {
        taken.add(g.name().toLowerCase(Locale.ROOT));
      }
    }
    List<RequestBatch.Existing> existing = new ArrayList<>();
    for (GroupRow g : in.groups) {
      if (g.mergedInto() == null) {
        Map<Long, List<AskSimilarity.Ask>> origins = byOrigin.getOrDefault(g.id(), Map.of());
        existing.add(new RequestBatch.Existing(g.id(), g.key(), new ArrayList<>(origins.values())));
      }
    }
    // Names of groups the re-run may take over are free again.
    for (Long id : earlier.keySet()) {
      GroupRow g = groups.get(id);
      if (g != null && !groupsWithOtherAsks.contains(id) && !g.namePinned()) {
        taken.remove(g.name().toLowerCase(Locale.ROOT));
      }
    }
    List<RequestBatch.Input> inputs = new ArrayList<>();
    for (Answer a : answers) {
      if (!pinnedAnswers.contains(a.id()) && a.comment() != null && !a.comment().isBlank()) {
        inputs.add(new RequestBatch.Input(a.id(), a.comment()));
      }
    }
    RequestBatch batch =
        RequestBatch.of(inputs, existing, earlierAsks, taken, null, embedder::embed, RequestBatch.Options.defaults());

    return db.write(c -> {
      Set<Long> alive = new HashSet<>();
      for (GroupRow g : REQUESTS.groups(c, seriesId)) {
        alive.add(g.id());
        groups.put(g.id(), g);
      }
      REQUESTS.unassignWeek(c, seriesId, week);
      // Joined asks: to the group, or where a PM merged it meanwhile.
      for (Map.Entry<RequestBatch.Ask, Long> e : batch.joined().entrySet()) {
        long target = resolve(e.getValue(), groups, alive, week, seriesId);
        RequestBatch.Ask a = e.getKey();
        REQUESTS.insertAsk(
            c, a.answerId(), target, target, a.phrase(), AskTerms.encode(a.terms()), a.vector(), a.language().code(), false);
      }
      // New groups: take over an earlier run's group of this week that would be left empty.
      Set<Long> used = new HashSet<>();
      for (RequestBatch.Ask a : batch.joined().keySet()) {
        used.add(batch.joined().get(a));
      }
      List<RequestBatch.Group> fresh = batch.groups();
      long[] ids = new long[fresh.size()];
      int created = 0;
      for (int g = 0; g < fresh.size(); g++) {
        RequestBatch.Group group = fresh.get(g);
        Long kept = kept(group, earlier, groupsWithOtherAsks, used, alive, groups);
        if (kept != null) {
          ids[g] = kept;
          used.add(kept);
          GroupRow row = groups.get(kept);
          if (!row.namePinned() && !row.name().equals(group.name())) {
            REQUESTS.updateName(c, kept, group.name(), false, now);
          }
          REQUESTS.updateKey(c, kept, group.key());
        } else {
          ids[g] = REQUESTS.insertGroup(c, seriesId, group.name(), group.key(), group.asks().size(), now);
          REQUESTS.insertEvent(c, ids[g], now, RUN, "created", null, group.name(), "week " + week);
          created++;
        }
      }
      for (int g = 0; g < fresh.size(); g++) {
        RequestBatch.Group group = fresh.get(g);
        Long parent = group.existingParent() != null ? (Long) resolve(group.existingParent(), groups, alive, week, seriesId)
            : group.parent() >= 0 ? (Long) ids[group.parent()] : null;
        GroupRow row = groups.get(ids[g]);
        if (row == null || !Objects.equals(row.parentId(), parent)) {
          REQUESTS.updateParent(c, ids[g], parent, now);
        }
        for (RequestBatch.Ask a : group.asks()) {
          REQUESTS.insertAsk(
              c, a.answerId(), ids[g], ids[g], a.phrase(), AskTerms.encode(a.terms()), a.vector(), a.language().code(), false);
        }
      }
      // A group a run named that has since doubled is named again from all its asks (a group begun
      // by one odd ask, "beta test the Lightning support", is named after what most ask for).
      Map<Long, List<RequestBatch.Ask>> grown = new LinkedHashMap<>();
      for (Map.Entry<RequestBatch.Ask, Long> e : batch.joined().entrySet()) {
        grown.computeIfAbsent(resolve(e.getValue(), groups, alive, week, seriesId), k -> new ArrayList<>()).add(e.getKey());
      }
      Set<String> names = new HashSet<>();
      for (GroupRow g : REQUESTS.groups(c, seriesId)) {
        if (g.mergedInto() == null) {
          names.add(g.name().toLowerCase(Locale.ROOT));
        }
      }
      for (Map.Entry<Long, List<RequestBatch.Ask>> e : grown.entrySet()) {
        GroupRow g = REQUESTS.findGroup(c, e.getKey()).orElseThrow();
        if (g.namePinned()) {
          continue;
        }
        List<RequestBatch.Ask> members = new ArrayList<>(e.getValue());
        for (AskRow a : in.asks) {
          if (a.requestId() == g.id() && a.vector() != null && !(thisWeek.contains(a.answerId()) && !a.pinned())) {
            members.add(new RequestBatch.Ask(a.answerId(), a.phrase(), AskTerms.decode(a.terms()), a.vector(),
                RequestLanguage.ofCode(a.language()), null));
          }
        }
        if (members.size() < 2 * Math.max(1, g.namedFrom())) {
          continue;
        }
        Set<String> others = new HashSet<>(names);
        others.remove(g.name().toLowerCase(Locale.ROOT));
        String name = batch.name(members.size() > MAX_NAMED ? members.subList(members.size() - MAX_NAMED, members.size()) : members, others);
        if (!name.equals(g.name())) {
          REQUESTS.updateRunName(c, g.id(), name, members.size(), now);
          REQUESTS.insertEvent(c, g.id(), now, RUN, "renamed", g.name(), name, "named again from " + members.size() + " asks");
          names.remove(g.name().toLowerCase(Locale.ROOT));
          names.add(name.toLowerCase(Locale.ROOT));
        } else {
          REQUESTS.updateRunName(c, g.id(), name, members.size(), now);
        }
      }
      // Only now, with every kept id holding its rows again, drop what nothing uses any more.
      REQUESTS.deleteEmpty(c, seriesId);
      return new Result(batch.detected(), created);
    });
  }

  /** The group {@code id} now stands for: itself, or the group a PM merged it into. */
  private static long resolve(long id, Map<Long, GroupRow> groups, Set<Long> alive, WeekId week, long seriesId) {
    long current = id;
    for (int hops = 0; hops < 100; hops++) {
      if (!alive.contains(current)) {
        throw new ConflictException(
            "week", "Week " + week + " of series " + seriesId + " was changed by another run meanwhile; run it again");
      }
      GroupRow g = groups.get(current);
      if (g == null || g.mergedInto() == null) {
        return current;
      }
      current = g.mergedInto();
    }
    throw new IllegalStateException("Merge chain of feature request " + id + " does not end");
  }

  /**
   * The earlier run's group of this week that {@code group} keeps, or null: one that held only this
   * week's unpinned asks, is not merged and not used yet, holding most of the group's answers (ties
   * by smaller id).
   */
  private static Long kept(
      RequestBatch.Group group,
      Map<Long, Map<Long, Integer>> earlier,
      Set<Long> groupsWithOtherAsks,
      Set<Long> used,
      Set<Long> alive,
      Map<Long, GroupRow> groups) {
    Map<Long, Integer> counts = new HashMap<>();
    Set<Long> answers = new HashSet<>(group.answers());
    earlier.forEach((request, members) -> {
      GroupRow row = groups.get(request);
      if (groupsWithOtherAsks.contains(request) || used.contains(request) || !alive.contains(request)
          || row == null || row.mergedInto() != null) {
        return;
      }
      for (long a : members.keySet()) {
        if (answers.contains(a)) {
          counts.merge(request, 1, Integer::sum);
        }
      }
    });
    return counts.entrySet().stream()
        .sorted((x, y) -> !x.getValue().equals(y.getValue()) ? y.getValue() - x.getValue() : Long.compare(x.getKey(), y.getKey()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  private record Loaded(List<GroupRow> groups, List<AskRow> asks) {}
}
