package io.productopsdash.engine.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.models.ScoreChange;
import io.productopsdash.models.ScoreSummary;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.WeeklyScore;
import io.productopsdash.models.rollup.RollupSnapshot;
import io.productopsdash.models.theme.ThemeTrend;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendering without a database: escaping in each part, one-line subjects, empty weeks. */
class DigestRendererTest {
  static final WeekId WEEK = WeekId.parse("2026-W47");

  private static WeeklyScore empty(WeekId week) {
    ScoreSummary s = new ScoreSummary(0, List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L), null, null, null, null, null, null, null, null, true);
    return new WeeklyScore(week, s, 0, 0, null, new ScoreChange(week.plusWeeks(-1), null, null, null, null, null, null, true));
  }

  private static Digest digest(String name, String quote) {
    return digest(name, quote, Digest.RequestSection.none(), null);
  }

  private static Digest digest(String name, String quote, Digest.RequestSection requests, RollupSnapshot snapshot) {
    DigestLinks links = new DigestLinks("https://ops.example.com/");
    return new Digest(
        7, 7, name, WEEK, Instant.parse("2026-11-23T08:00:00Z"), empty(WEEK), empty(WEEK.plusWeeks(-1)),
        List.of(new Digest.ThemeItem(3, "login & <b>", 1, 1.0, ThemeTrend.NEW, null, null, null, 11L, quote,
            links.theme(3, 7, WEEK))),
        List.of(), 1, requests, null, null, null, null, null, 30, Digest.ThemeRunNote.none(), Digest.Drivers.none(), snapshot,
        new Digest.Links(links.overview(7, WEEK), links.featureRequests(7), links.acquisition(WEEK), links.onboarding(WEEK)));
  }

  @Test
  void theSubjectIsOneLineWhateverTheSurveyIsCalled() {
    RenderedDigest r = new DigestRenderer(ZoneOffset.UTC).render(digest("CSAT\r\nBcc: all@example.com\u202e", "q"));
    assertThat(r.subject()).isEqualTo("ProductOpsDash digest: CSAT Bcc: all@example.com, 2026-W47: no answers");
    assertThat(r.text()).startsWith("ProductOpsDash weekly digest: CSAT Bcc: all@example.com\n");
  }

  @Test
  void userTextIsHtmlEscapedInTheHtmlPartAndFlattenedInTheTextPart() {
    String quote = "line one\n<script>alert('x')</script>\t\"quoted\" `tick` a=b";
    RenderedDigest r = new DigestRenderer(ZoneOffset.UTC).render(digest("Name", quote));
    assertThat(r.html())
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot; &#96;tick&#96; a&#61;b")
        .contains("login &amp; &lt;b&gt;")
        .doesNotContain("<script")
        .doesNotContain("<b>");
    assertThat(r.text()).contains("  \"line one <script>alert('x')</script> \"quoted\" `tick` a=b\"\n");
    assertThat(r.text()).contains("- login & <b>: 1 answer (100.0%), first themed week, new\n");
    // A week without answers or rollups shows dashes and no theme-less sections crash.
    assertThat(r.text()).contains("- Mean score: \u2013; 2026-W46: \u2013; change \u2013").contains("No feature requests yet.");
  }

  @Test
  void numbersFromAnImportedSnapshotSaySoInBothParts() {
    RollupSnapshot snapshot =
        new RollupSnapshot(
            3, "spark segment s3a://logs/<b>", Instant.parse("2026-11-22T00:00:00Z"), WEEK.plusWeeks(-12), WEEK, 10_000_000L,
            Instant.parse("2026-11-22T06:00:00Z"));
    RenderedDigest r = new DigestRenderer(ZoneOffset.UTC).render(digest("Name", "q", Digest.RequestSection.none(), snapshot));
    String note = "These two weeks come from an imported snapshot (spark segment s3a://logs/<b>, as of 2026-11-22 00:00 Z,"
        + " 10,000,000 events): the stored events do not cover them.";
    assertThat(r.text()).contains("ACQUISITION AND ONBOARDING\n" + note + "\n");
    assertThat(r.html()).contains("s3a://logs/&lt;b&gt;, as of 2026-11-22 00:00 Z, 10,000,000 events").doesNotContain("logs/<b>");
    assertThat(new DigestRenderer(ZoneOffset.UTC).render(digest("Name", "q")).text()).doesNotContain("imported snapshot");
  }

  @Test
  void theRequestSectionListsNewAndGrowingAsksAndStatusChangesWithUserTextEscaped() {
    DigestLinks links = new DigestLinks("https://ops.example.com/");
    Digest.RequestItem lightning =
        new Digest.RequestItem(4, "Support Bitcoin Lightning", "under_review", 12, 14, 5, 7, links.featureRequest(4, 7));
    Digest.RequestItem widget = new Digest.RequestItem(9, "Add <b>widget</b>", "new", 2, 2, 2, 2, links.featureRequest(9, 7));
    Digest.StatusChange planned =
        new Digest.StatusChange(4, "Support Bitcoin Lightning", "under_review", "planned", "Ana",
            "Q1 <img src=x onerror=alert(1)>\nsee roadmap", links.featureRequest(4, 7));
    RenderedDigest r =
        new DigestRenderer(ZoneOffset.UTC)
            .render(digest("Name", "q", new Digest.RequestSection(List.of(lightning, widget), List.of(widget), List.of(lightning), List.of(planned)), null));
    assertThat(r.text())
        .contains("- Support Bitcoin Lightning (under review): 12 requesters, 5 this week, 14 in all\n")
        .contains("New asks this week:\n- Add <b>widget</b>: 2 requesters https://ops.example.com/app/feature-requests/9?surveyId=7\n")
        .contains("Growing fastest (requesters, last 4 weeks against the 4 before):\n- Support Bitcoin Lightning: +7, 12 requesters in all")
        .contains("- Support Bitcoin Lightning: under review -> planned by Ana (\"Q1 <img src=x onerror=alert(1)> see roadmap\")");
    assertThat(r.html())
        .contains("Add &lt;b&gt;widget&lt;/b&gt;")
        .contains("Q1 &lt;img src&#61;x onerror&#61;alert(1)&gt; see roadmap")
        .contains("New asks this week")
        .contains("Growing fastest")
        .contains("Status changed this week")
        .doesNotContain("<img")
        .doesNotContain("<b>widget");
  }

  @Test
  void longTextIsCutAndLinksAreEncoded() {
    String longQuote = "word ".repeat(200);
    String flat = DigestRenderer.oneLine(longQuote, DigestRenderer.MAX_QUOTE);
    assertThat(flat).hasSize(DigestRenderer.MAX_QUOTE).endsWith("\u2026");
    assertThat(DigestRenderer.oneLine(null, 5)).isNull();
    assertThat(new DigestLinks("http://localhost:7070").overview(5, WEEK))
        .isEqualTo("http://localhost:7070/app/overview?surveyId=5&week=2026-W47");
  }
}
