package io.productopsdash.engine.theme;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.data.SurveyRepository;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.models.Answer;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.WeekId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "load" stage of a weekly theme run: everything the run reads, in one read transaction, and
 * the week's vectors (stored ones, plus those embedded now). Only history before the week enters
 * the theme memory; what an earlier run of this same week created is read apart, so that a re-run
 * can give those themes their ids back.
 *
 * @param seriesId the survey series
 * @param week the week run
 * @param answers the week's commented answers, by id
 * @param vectors their unit vectors, row per answer
 * @param fresh vectors computed by this run (to store), by answer id
 * @param lemmas each answer's content lemmas (empty when its enrichment is missing or stale)
 * @param memory what the run remembers of earlier weeks
 * @param remembered unit vectors of the answers the memory names
 * @param themes the series' theme identities, by id
 * @param recent each theme's size and the week's total in the series' latest themed weeks before this one
 * @param recentWeeks those weeks, oldest first
 * @param earlierCreated themes the earlier run of this week created, with their members that week
 * @param recentMembers answers of the last weeks per theme (for names), by theme
 */
record WeekInput(
    long seriesId,
    WeekId week,
    List<Answer> answers,
    float[][] vectors,
    Map<Long, float[]> fresh,
    List<Set<String>> lemmas,
    ThemeMemory memory,
    Map<Long, float[]> remembered,
    Map<Long, ThemeRepository.ThemeRow> themes,
    List<ThemeRepository.CountRow> recent,
    List<WeekId> recentWeeks,
    Map<Long, List<Long>> earlierCreated) {

  private static final AnswerRepository ANSWERS = new AnswerRepository();
  private static final SurveyRepository SURVEYS = new SurveyRepository();
  private static final ThemeRepository THEMES = new ThemeRepository();
  private static final EnrichmentRepository ENRICHMENTS = new EnrichmentRepository();

  /** Reads the week and embeds the answers without a stored vector of the embedder's model. */
  static WeekInput load(
      Database db,
      long seriesId,
      WeekId week,
      TextEmbedder embedder,
      ThemeMemory.Options memoryOptions,
      int trendWeeks,
      WeeklyThemeRun.Progress progress) {
    record Read(
        List<Answer> answers,
        Map<Long, float[]> stored,
        Map<Long, List<String>> lemmas,
        ThemeMemory memory,
        Map<Long, float[]> remembered,
        Map<Long, ThemeRepository.ThemeRow> themes,
        List<ThemeRepository.CountRow> recent,
        List<WeekId> recentWeeks,
        Map<Long, List<Long>> earlierCreated) {}
    Read in = db.read(c -> {
      if (SURVEYS.find(c, seriesId).filter(s -> s.seriesId() == seriesId).isEmpty()) {
        throw new NotFoundException("surveyId", "No survey with id " + seriesId);
      }
      List<Answer> answers = ANSWERS.listCommentedInSeries(c, seriesId, week);
      List<Long> ids = answers.stream().map(Answer::id).toList();
      Map<Long, float[]> stored = THEMES.embeddings(c, ids, embedder.model());
      Map<Long, List<String>> lemmas = new HashMap<>();
      Map<Long, String> comments = new HashMap<>();
      answers.forEach(a -> comments.put(a.id(), a.comment()));
      for (EnrichmentRepository.Row row : ENRICHMENTS.find(c, ids).values()) {
        if (row.textSha256().equals(io.productopsdash.engine.text.enrich.EnrichmentService.sha256(comments.get(row.answerId())))) {
          lemmas.put(row.answerId(), row.lemmas());
        }
      }
      WeekId from = week.plusWeeks(-memoryOptions.exemplarWeeks());
      List<ThemeMemory.Member> members = new ArrayList<>();
      for (ThemeRepository.MemberRow m : THEMES.members(c, seriesId, from, week)) {
        members.add(new ThemeMemory.Member(m.answer(), m.week(), m.theme()));
      }
      List<ThemeMemory.Link> links = new ArrayList<>();
      for (ThemeRepository.LinkRow l : THEMES.links(c, seriesId, week)) {
        links.add(new ThemeMemory.Link(l.answer(), l.week(), l.theme(), l.decided()));
      }
      List<ThemeMemory.Merge> merges = new ArrayList<>();
      for (ThemeRepository.MergeRow m : THEMES.merges(c, seriesId, week)) {
        merges.add(new ThemeMemory.Merge(m.absorbed(), m.into(), m.week()));
      }
      List<ThemeMemory.Unclustered> unclustered = new ArrayList<>();
      for (ThemeRepository.UnclusteredRow u :
          THEMES.unclusteredIn(c, seriesId, week.plusWeeks(-memoryOptions.poolWeeks()), week)) {
        unclustered.add(new ThemeMemory.Unclustered(u.answer(), u.week()));
      }
      ThemeMemory memory = ThemeMemory.of(week, members, links, merges, unclustered, memoryOptions);
      Set<Long> rememberedIds = new HashSet<>();
      memory.exemplars().forEach(e -> rememberedIds.add(e.answer()));
      memory.pool().forEach(u -> rememberedIds.add(u.answer()));
      Map<Long, float[]> remembered = THEMES.embeddings(c, rememberedIds, embedder.model());
      List<WeekId> recentWeeks = new ArrayList<>(THEMES.themedWeeks(c, seriesId, week, trendWeeks));
      java.util.Collections.reverse(recentWeeks);
      List<ThemeRepository.CountRow> recent =
          recentWeeks.isEmpty() ? List.of() : THEMES.counts(c, seriesId, recentWeeks.get(0), week);
      return new Read(
          answers, stored, lemmas, withVectors(memory, remembered, week, memoryOptions), remembered,
          THEMES.themes(c, seriesId), recent, recentWeeks, THEMES.createdIn(c, seriesId, week));
    });
    int n = in.answers().size();
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!in.stored().containsKey(in.answers().get(i).id())) {
        missing.add(i);
      }
    }
    progress.update("embed", 0, missing.size());
    Map<Long, float[]> fresh = new LinkedHashMap<>();
    if (!missing.isEmpty()) {
      float[][] computed = embedder.embed(missing.stream().map(i -> in.answers().get(i).comment()).toList());
      for (int m = 0; m < missing.size(); m++) {
        fresh.put(in.answers().get(missing.get(m)).id(), computed[m]);
      }
    }
    progress.update("embed", missing.size(), missing.size());
    float[][] vectors = new float[n][];
    List<Set<String>> lemmas = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long id = in.answers().get(i).id();
      float[] v = in.stored().containsKey(id) ? in.stored().get(id) : fresh.get(id);
      vectors[i] = ThemeGeometry.unit(v);
      lemmas.add(Set.copyOf(in.lemmas().getOrDefault(id, List.of())));
    }
    Map<Long, float[]> remembered = new HashMap<>();
    in.remembered().forEach((id, v) -> remembered.put(id, ThemeGeometry.unit(v)));
    return new WeekInput(
        seriesId, week, in.answers(), vectors, fresh, lemmas, in.memory(), remembered, in.themes(), in.recent(),
        in.recentWeeks(), in.earlierCreated());
  }

  /* The memory without answers whose vector (of this embedder's model) is missing. */
  private static ThemeMemory withVectors(
      ThemeMemory memory, Map<Long, float[]> vectors, WeekId week, ThemeMemory.Options options) {
    return memory.keeping(vectors::containsKey);
  }

  /** The answer ids, in row order. */
  long[] answerIds() {
    return answers.stream().mapToLong(Answer::id).toArray();
  }
}
