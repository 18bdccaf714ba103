package io.productopsdash.server.digest;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.FeatureRequestRepository;
import io.productopsdash.data.SamplingFrameRepository;
import io.productopsdash.data.SurveyRepository;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.models.Answer;
import io.productopsdash.models.Interval;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.ThemeTrend;
import io.productopsdash.models.theme.ThemeWeek;
import io.productopsdash.server.MetricsFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A survey's two weeks, stored through the real repositories before a server opens the folder:
 * ISO weeks 2026-W46 and 2026-W47 in Europe/Berlin, the events of {@link MetricsFixture}, stored
 * themes and feature requests. Hand-computed figures of week 47 against week 46:
 *
 * <ul>
 *   <li>W46: users a1..a4 answered 6, 5, 3, 2 (n 4, mean 4.00, top-2 box 1/4 = 25.0%), a5 was shown
 *       the survey and did not answer: response rate 4/5 = 80.0%;
 *   <li>W47: users b1..b5 answered 7, 7, 6, 5, 4 (n 5, mean 5.80, top box 3/5 = 60.0%), b6 only
 *       shown: response rate 5/6 = 83.3%; mean change +1.80, top box +35.0 pp, response rate +3.3
 *       pp; both weeks under 30 answers ("too few answers");
 *   <li>themes W46: login (a1, a3, a4), pricing (a2); W47: login (b2, b3; quote b2, whose comment
 *       holds a script tag), dark mode (b1, b4; new), pricing (b5). Week 47 order by size then id:
 *       login 2 (40.0%, -1 vs W46), dark mode 2 (40.0%, new), pricing 1 (20.0%, +0; quote b5, whose
 *       comment holds an img tag with an onerror handler);
 *   <li>feature requests: "dark mode" (b1, b4: 2 requesters, 2 this week), "cheaper plan" (a2, b5:
 *       2 requesters, 1 this week);
 *   <li>events: two signups in W47 (none in W46); the W47 cohort has 2 users, 1 converted after 40
 *       minutes (50.0%, median 0.7 h), 0 silent give-ups.
 * </ul>
 */
public final class DigestFixture {
  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  public static final WeekId W46 = WeekId.parse("2026-W46");
  public static final WeekId W47 = WeekId.parse("2026-W47");
  /** Monday of week 48, 09:00 in Berlin: after a Monday-08:00 sending time, so W47's digest is due. */
  public static final Instant MONDAY_W48 = Instant.parse("2026-11-23T08:00:00Z");
  public static final String SURVEY_NAME = "Wallet CSAT <beta> & \"friends\"";
  public static final String SCRIPT = "<script>alert(1)</script>";
  public static final String IMG = "<img src=x onerror=alert(1)>";
  public static final String QUOTE = SCRIPT + " login is so slow";
  public static final String PRICING_QUOTE = "Too expensive for me " + IMG;

  /** What was stored. */
  public record Stored(Survey survey, long loginTheme, long darkModeTheme, long pricingTheme, long darkModeRequest) {}

  private DigestFixture() {}

  /** Stores everything into {@code dataDir} and closes the database again. */
  public static Stored store(Path dataDir) {
    MetricsFixture.store(dataDir);
    try (Database db = Database.open(dataDir)) {
      return db.write(
          c -> {
            Instant t46 = Instant.parse("2026-11-10T10:00:00Z");
            Instant t47 = Instant.parse("2026-11-17T10:00:00Z");
            Survey survey =
                new SurveyRepository()
                    .insertNew(
                        c,
                        new SurveyDraft(
                            SURVEY_NAME,
                            "How satisfied are you with the wallet?",
                            new Scale(ScoreKind.CSAT, 7, "Very dissatisfied", "Very satisfied", 2),
                            "How can we make it better?",
                            1.0,
                            4,
                            true),
                        t46.minusSeconds(86_400));
            AnswerRepository answers = new AnswerRepository();
            SamplingFrameRepository frame = new SamplingFrameRepository();
            long series = survey.seriesId();
            List<Answer> a = new ArrayList<>();
            String[] c46 = {"Login fails every morning", "Far too expensive", "Login broken again", "Cannot log in at all"};
            int[] s46 = {6, 5, 3, 2};
            for (int i = 0; i < 4; i++) {
              String user = "a" + (i + 1);
              frame.recordShown(c, series, W46, user, t46);
              frame.recordAnswered(c, series, W46, user, t46);
              a.add(answers.insert(c, "r-" + user, survey.id(), user, W46, s46[i], c46[i], "en", null, t46));
            }
            frame.recordShown(c, series, W46, "a5", t46);
            List<Answer> b = new ArrayList<>();
            String[] c47 = {"Please add a dark mode", QUOTE, "Login fails", "Please add dark mode for night use", PRICING_QUOTE};
            int[] s47 = {7, 7, 6, 5, 4};
            for (int i = 0; i < 5; i++) {
              String user = "b" + (i + 1);
              frame.recordShown(c, series, W47, user, t47);
              frame.recordAnswered(c, series, W47, user, t47);
              b.add(answers.insert(c, "r-" + user, survey.id(), user, W47, s47[i], c47[i], "en", null, t47));
            }
            frame.recordShown(c, series, W47, "b6", t47);

            ThemeRepository themes = new ThemeRepository();
            long login = themes.insertTheme(c, series, W46, "login trouble", "NEW", null, t46);
            long pricing = themes.insertTheme(c, series, W46, "too expensive", "NEW", null, t46);
            long dark = themes.insertTheme(c, series, W47, "dark mode", "NEW", null, t47);
            float[] centroid = {1f, 0f};
            themes.insertThemeWeek(c, week(login, W46, 3, 4, "login trouble", a.get(0).id(), ThemeTrend.NEW, null, centroid));
            themes.insertThemeWeek(c, week(pricing, W46, 1, 4, "too expensive", a.get(1).id(), ThemeTrend.NEW, null, centroid));
            themes.insertThemeWeek(c, week(login, W47, 2, 5, "login trouble", b.get(1).id(), ThemeTrend.STABLE, 0.62, centroid));
            themes.insertThemeWeek(c, week(dark, W47, 2, 5, "dark mode", b.get(0).id(), ThemeTrend.NEW, null, centroid));
            themes.insertThemeWeek(c, week(pricing, W47, 1, 5, "too expensive", b.get(4).id(), ThemeTrend.STABLE, 0.81, centroid));
            for (int i : new int[] {0, 2, 3}) {
              themes.assign(c, a.get(i).id(), W46, login, null);
            }
            themes.assign(c, a.get(1).id(), W46, pricing, null);
            themes.assign(c, b.get(1).id(), W47, login, null);
            themes.assign(c, b.get(2).id(), W47, login, null);
            themes.assign(c, b.get(0).id(), W47, dark, null);
            themes.assign(c, b.get(3).id(), W47, dark, null);
            themes.assign(c, b.get(4).id(), W47, pricing, null);

            FeatureRequestRepository requests = new FeatureRequestRepository();
            long darkRequest = requests.insertGroup(c, series, "dark mode", "dark mode", t47);
            requests.insertAsk(c, b.get(0).id(), darkRequest, darkRequest, "dark mode", "", null, "en", false);
            requests.insertAsk(c, b.get(3).id(), darkRequest, darkRequest, "dark mode", "", null, "en", false);
            long cheaper = requests.insertGroup(c, series, "cheaper plan", "plan", t46);
            requests.insertAsk(c, a.get(1).id(), cheaper, cheaper, "cheaper plan", "", null, "en", false);
            requests.insertAsk(c, b.get(4).id(), cheaper, cheaper, "cheaper plan", "", null, "en", false);
            return new Stored(survey, login, dark, pricing, darkRequest);
          });
    }
  }

  private static ThemeWeek week(
      long id, WeekId week, int size, int total, String label, long quote, ThemeTrend trend, Double p, float[] centroid) {
    return new ThemeWeek(
        id, week, size, total, label, List.of(label.split(" ")), List.of(quote), 5.0, new Interval(4.0, 6.0), null, trend, p,
        centroid, label);
  }
}
