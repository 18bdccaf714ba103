package io.productopsdash.engine.digest;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.FeatureRequestRepository;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.engine.rollup.RollupService;
import io.productopsdash.engine.score.ScoreService;
import io.productopsdash.models.Answer;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.WeeklyScore;
import io.productopsdash.models.rollup.AcquisitionReport;
import io.productopsdash.models.rollup.OnboardingReport;
import io.productopsdash.models.rollup.RollupSnapshot;
import io.productopsdash.models.theme.FeatureRequest;
import io.productopsdash.models.theme.ThemeTrend;
import io.productopsdash.models.theme.ThemeWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Composes a survey's {@link Digest} for one ISO week. It computes no number of its own: scores come
 * from {@link ScoreService} (as {@code GET /api/v1/surveys/{id}/scores}), themes and feature
 * requests from the stored theme runs (as {@code GET /api/v1/themes} and {@code
 * /api/v1/feature-requests}), signups and onboarding from {@link RollupService} over weeks {@code
 * week - 1 .. week} at {@code asOf} (as {@code GET /api/v1/metrics/...?from=&to=&asOf=}).
 */
public final class DigestComposer {
  /** Themes listed in a digest. */
  public static final int TOP_THEMES = 5;
  /** Feature requests listed in a digest. */
  public static final int TOP_REQUESTS = 5;

  private final Database db;
  private final ScoreService scores;
  private final RollupService rollups;
  private final DigestLinks links;
  private final ThemeRepository themes = new ThemeRepository();
  private final AnswerRepository answers = new AnswerRepository();
  private final FeatureRequestRepository requests = new FeatureRequestRepository();

  public DigestComposer(Database db, ScoreService scores, RollupService rollups, DigestLinks links) {
    this.db = db;
    this.scores = scores;
    this.rollups = rollups;
    this.links = links;
  }

  /** The links this composer puts into digests. */
  public DigestLinks links() {
    return links;
  }

  /** The digest of {@code survey} for {@code week}, with rollups counting events up to {@code asOf}. */
  public Digest compose(Survey survey, WeekId week, Instant asOf) {
    WeekId previous = week.plusWeeks(-1);
    List<WeeklyScore> weekly = scores.weekly(survey, previous, week);
    MetricsConfig config = rollups.config();
    RollupService.WeekRange range = new RollupService.WeekRange(previous, week);
    // Both weeks from one source: an imported snapshot when the stored events do not cover them.
    RollupService.Served<AcquisitionReport> servedAcquisition = rollups.acquisitionServed(config, range, asOf);
    RollupService.Served<OnboardingReport> servedOnboarding = rollups.onboardingServed(config, range, asOf);
    RollupSnapshot snapshot = servedAcquisition.snapshot();
    AcquisitionReport acquisition = servedAcquisition.report();
    OnboardingReport onboarding = servedOnboarding.report();
    if (snapshot != null
        && (servedOnboarding.snapshot() == null || acquisition.weeks().size() != 2 || onboarding.cohorts().size() != 2)) {
      snapshot = null;
      acquisition = rollups.acquisition(config, range, asOf);
      onboarding = rollups.onboarding(config, range, asOf);
    } else if (snapshot == null && servedOnboarding.snapshot() != null) {
      onboarding = rollups.onboarding(config, range, asOf);
    }
    List<Digest.ThemeItem> all = themeItems(survey, week);
    List<Digest.RequestItem> top =
        db.read(c -> requests.list(c, survey.seriesId())).stream()
            .limit(TOP_REQUESTS)
            .map(r -> requestItem(r, survey, week))
            .toList();
    int themedAnswers = db.read(c -> themes.weekThemes(c, survey.seriesId(), week)).stream()
        .findFirst()
        .map(ThemeWeek::answersTotal)
        .orElse(0);
    return new Digest(
        survey.id(),
        survey.seriesId(),
        survey.definition().name(),
        week,
        asOf,
        weekly.get(1),
        weekly.get(0),
        all.stream().limit(TOP_THEMES).toList(),
        all.stream().filter(t -> t.trend() == ThemeTrend.NEW).toList(),
        themedAnswers,
        top,
        acquisition.weeks().get(1),
        acquisition.weeks().get(0),
        onboarding.cohorts().get(1),
        onboarding.cohorts().get(0),
        snapshot,
        new Digest.Links(
            links.overview(survey.id(), week),
            links.featureRequests(survey.id()),
            links.acquisition(week),
            links.onboarding(week)));
  }

  /* Every theme of the week, largest first, with its size in the previous tracked week and its quote. */
  private List<Digest.ThemeItem> themeItems(Survey survey, WeekId week) {
    return db.read(
        c -> {
          List<ThemeWeek> current = themes.weekThemes(c, survey.seriesId(), week);
          Optional<WeekId> before = themes.previousWeek(c, survey.seriesId(), week);
          Map<Long, Integer> previousSizes = new HashMap<>();
          if (before.isPresent()) {
            for (ThemeWeek t : themes.weekThemes(c, survey.seriesId(), before.get())) {
              previousSizes.put(t.themeId(), t.size());
            }
          }
          List<Long> quoted = new ArrayList<>();
          current.forEach(t -> quoted.addAll(t.quotes().stream().limit(1).toList()));
          Map<Long, String> texts = new HashMap<>();
          for (Answer a : answers.listByIds(c, quoted)) {
            texts.put(a.id(), a.comment());
          }
          List<Digest.ThemeItem> out = new ArrayList<>();
          for (ThemeWeek t : current) {
            Long quote = t.quotes().isEmpty() ? null : t.quotes().get(0);
            out.add(
                new Digest.ThemeItem(
                    t.themeId(),
                    t.label(),
                    t.size(),
                    t.share(),
                    t.trend(),
                    t.pValue(),
                    before.orElse(null),
                    previousSizes.get(t.themeId()),
                    quote,
                    quote == null ? null : texts.get(quote),
                    links.theme(t.themeId(), survey.id(), week)));
          }
          return out;
        });
  }

  private Digest.RequestItem requestItem(FeatureRequest r, Survey survey, WeekId week) {
    return new Digest.RequestItem(
        r.id(),
        r.label(),
        r.status().wire(),
        r.requesters(),
        r.answers(),
        r.weekly().getOrDefault(week, 0),
        links.featureRequests(survey.id()));
  }
}
