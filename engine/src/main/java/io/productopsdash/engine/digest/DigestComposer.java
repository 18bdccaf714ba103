package io.productopsdash.engine.digest;

import io.productopsdash.data.Database;
import io.productopsdash.data.FeatureRequestRepository;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.data.ThemeRunRepository;
import io.productopsdash.engine.request.manage.FeatureRequests;
import io.productopsdash.engine.request.manage.RequestSort;
import io.productopsdash.engine.rollup.RollupService;
import io.productopsdash.engine.score.ScoreService;
import io.productopsdash.engine.theme.TextEmbedder;
import io.productopsdash.engine.theme.ThemeImpact;
import io.productopsdash.engine.theme.ThemeQueries;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.WeeklyScore;
import io.productopsdash.models.rollup.AcquisitionReport;
import io.productopsdash.models.rollup.OnboardingCohort;
import io.productopsdash.models.rollup.OnboardingReport;
import io.productopsdash.models.rollup.RollupSnapshot;
import io.productopsdash.models.theme.ThemeTrend;
import io.productopsdash.models.theme.ThemeWeek;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Composes a survey's {@link Digest} for one ISO week. It computes no number of its own: scores come
 * from {@link ScoreService} (as {@code GET /api/v1/surveys/{id}/scores}), themes and feature
 * requests from the stored theme runs (as {@code GET /api/v1/themes} and {@code
 * /api/v1/feature-requests?week=}, both through {@link FeatureRequests}), the drivers from {@link
 * ThemeImpact} (as the {@code drivers} of {@code GET /api/v1/themes}), signups and onboarding from {@link RollupService} over weeks {@code
 * week - 1 .. week} at {@code asOf} (as {@code GET /api/v1/metrics/...?from=&to=&asOf=}).
 *
 * <p>Onboarding compares only complete cohorts: the newest signup-week cohort whose conversion
 * window has closed at {@code asOf} against the complete one before it. A younger cohort's
 * conversion can still rise, so the digest week's own cohort is reported as in progress and never
 * compared.
 */
public final class DigestComposer {
  /** Themes listed in a digest. */
  public static final int TOP_THEMES = 5;
  /** Negative drivers listed in a digest. */
  public static final int TOP_DRIVERS = 3;
  /** Feature requests listed in a digest. */
  public static final int TOP_REQUESTS = 5;

  private final Database db;
  private final ScoreService scores;
  private final RollupService rollups;
  private final DigestLinks links;
  private final ThemeRepository themes = new ThemeRepository();
  private final FeatureRequestRepository requests = new FeatureRequestRepository();
  private final ThemeRunRepository runs = new ThemeRunRepository();

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
    // Cohorts far enough back that the newest two complete ones are among them.
    int lookback = config.conversionWindowDays() / 7 + 3;
    RollupService.WeekRange cohortRange = new RollupService.WeekRange(week.plusWeeks(-lookback), week);
    // Both from one source: an imported snapshot when the stored events do not cover the weeks.
    RollupService.Served<AcquisitionReport> servedAcquisition = rollups.acquisitionServed(config, range, asOf);
    RollupService.Served<OnboardingReport> servedOnboarding = rollups.onboardingServed(config, cohortRange, asOf);
    RollupSnapshot snapshot = servedAcquisition.snapshot();
    AcquisitionReport acquisition = servedAcquisition.report();
    OnboardingReport onboarding = servedOnboarding.report();
    if (snapshot != null
        && (servedOnboarding.snapshot() == null || acquisition.weeks().size() != 2 || onboarding.cohorts().isEmpty())) {
      snapshot = null;
      acquisition = rollups.acquisition(config, range, asOf);
      onboarding = rollups.onboarding(config, cohortRange, asOf);
    } else if (snapshot == null && servedOnboarding.snapshot() != null) {
      onboarding = rollups.onboarding(config, cohortRange, asOf);
    }
    List<OnboardingCohort> complete = onboarding.cohorts().stream().filter(OnboardingCohort::complete).toList();
    OnboardingCohort newestComplete = complete.isEmpty() ? null : complete.get(complete.size() - 1);
    OnboardingCohort completeBefore = complete.size() < 2 ? null : complete.get(complete.size() - 2);
    OnboardingCohort weekCohort = onboarding.cohorts().get(onboarding.cohorts().size() - 1);
    List<Digest.ThemeItem> all = themeItems(survey, week);
    Digest.RequestSection top = requestSection(survey, week, config.zone());
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
        newestComplete,
        completeBefore,
        weekCohort.complete() ? null : weekCohort,
        config.conversionWindowDays(),
        themeRun(survey, week),
        drivers(survey, week),
        snapshot,
        new Digest.Links(
            links.overview(survey.id(), week),
            links.featureRequests(survey.id()),
            links.acquisition(week),
            links.onboarding(week)));
  }

  /* Every theme of the week, largest first, with its name, its size in the previous themed week and a quote. */
  private List<Digest.ThemeItem> themeItems(Survey survey, WeekId week) {
    ThemeQueries.WeekView view = new ThemeQueries(db, TextEmbedder.miniLm(1).model()).week(survey.seriesId(), week);
    List<Digest.ThemeItem> out = new ArrayList<>();
    for (ThemeQueries.ThemeView t : view.themes()) {
      ThemeQueries.Quote quote = t.quotes().isEmpty() ? null : t.quotes().get(0);
      out.add(
          new Digest.ThemeItem(
              t.id(),
              t.name(),
              t.size(),
              t.share(),
              ThemeTrend.valueOf(t.trend()),
              t.pValue(),
              t.previousWeek(),
              t.previousSize() == null || t.previousSize() == 0 ? null : t.previousSize(),
              quote == null ? null : quote.answerId(),
              quote == null ? null : quote.text(),
              links.theme(t.id(), survey.id(), week)));
    }
    return out;
  }

  /* The latest logged run of the week and the comments still waiting for one. */
  private Digest.ThemeRunNote themeRun(Survey survey, WeekId week) {
    return db.read(c -> {
      Instant last = runs.lastSucceeded(c, survey.seriesId(), week).map(ThemeRunRepository.Run::finishedAt).orElse(null);
      return new Digest.ThemeRunNote(last, runs.waiting(c, week).getOrDefault(survey.seriesId(), 0));
    });
  }

  /* The numbers of GET /api/v1/themes's drivers: ThemeImpact is their one source. */
  private Digest.Drivers drivers(Survey survey, WeekId week) {
    ThemeImpact.Week impact = new ThemeImpact(db).week(survey, week);
    List<Digest.DriverItem> down =
        impact.negative().stream()
            .limit(TOP_DRIVERS)
            .map(d -> new Digest.DriverItem(
                d.themeId(), d.name(), d.size(), d.share(), d.impact(),
                d.interval() == null ? null : d.interval().low(), d.interval() == null ? null : d.interval().high(),
                links.theme(d.themeId(), survey.id(), week)))
            .toList();
    return new Digest.Drivers(impact.measure(), down, impact.tooFew().size(), impact.minAnswers());
  }

  /* The numbers of GET /api/v1/feature-requests?week=: FeatureRequests is their one source. */
  private Digest.RequestSection requestSection(Survey survey, WeekId week, ZoneId zone) {
    FeatureRequests service = new FeatureRequests(db, Clock.systemUTC(), zone, () -> null);
    FeatureRequests.Listing listing = service.list(survey.seriesId(), week, RequestSort.REQUESTERS);
    List<FeatureRequests.Summary> shown =
        listing.requests().stream().filter(r -> r.firstWeek() != null && r.firstWeek().compareTo(week) <= 0).toList();
    List<Digest.RequestItem> top = shown.stream().limit(TOP_REQUESTS).map(r -> requestItem(r, survey, week)).toList();
    List<Digest.RequestItem> added =
        shown.stream().filter(r -> week.equals(r.firstWeek())).limit(TOP_REQUESTS).map(r -> requestItem(r, survey, week)).toList();
    List<Digest.RequestItem> growing =
        shown.stream()
            .filter(r -> r.trend() > 0 && !week.equals(r.firstWeek()))
            .sorted(Comparator.comparingInt(FeatureRequests.Summary::trend).reversed()
                .thenComparing(Comparator.comparingInt(FeatureRequests.Summary::requesters).reversed())
                .thenComparingLong(FeatureRequests.Summary::id))
            .limit(TOP_REQUESTS)
            .map(r -> requestItem(r, survey, week))
            .toList();
    Map<Long, String> names = new HashMap<>();
    db.read(c -> {
      for (FeatureRequestRepository.GroupRow g : requests.groups(c, survey.seriesId())) {
        names.put(g.id(), g.name());
      }
      return null;
    });
    List<Digest.StatusChange> changes = new ArrayList<>();
    for (FeatureRequestRepository.EventRow e :
        db.read(c -> requests.events(c, survey.seriesId(), week.start(zone), week.end(zone)))) {
      if (e.kind().equals("status")) {
        changes.add(new Digest.StatusChange(
            e.requestId(), names.getOrDefault(e.requestId(), "#" + e.requestId()), e.oldValue(), e.newValue(), e.actor(),
            e.note(), links.featureRequest(e.requestId(), survey.id())));
      }
    }
    return new Digest.RequestSection(top, added, growing, changes);
  }

  private Digest.RequestItem requestItem(FeatureRequests.Summary r, Survey survey, WeekId week) {
    return new Digest.RequestItem(
        r.id(),
        r.name(),
        r.status(),
        r.requesters(),
        r.answers(),
        r.weekly().getOrDefault(week.toString(), 0),
        r.trend(),
        links.featureRequest(r.id(), survey.id()));
  }
}
