package io.productopsdash.engine.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.productopsdash.data.Database;
import io.productopsdash.data.events.EventColumns;
import io.productopsdash.data.events.EventScan;
import io.productopsdash.data.events.EventStore;
import io.productopsdash.definitions.metrics.Percentiles;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.AcquisitionReport;
import io.productopsdash.models.rollup.AcquisitionWeek;
import io.productopsdash.models.rollup.AreaDepth;
import io.productopsdash.models.rollup.Distribution;
import io.productopsdash.models.rollup.FeatureUsage;
import io.productopsdash.models.rollup.KeyCount;
import io.productopsdash.models.rollup.OnboardingCohort;
import io.productopsdash.models.rollup.OnboardingReport;
import io.productopsdash.models.rollup.UsageReport;
import io.productopsdash.models.rollup.UsageWeek;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three rollups over {@link RollupFixture} stored through {@link EventStore} into a real
 * SQLite file and read back with {@link EventScan}. Every expected number is worked out by hand
 * in the comment beside it, from the stories in the fixture's Javadoc; times are UTC (Z) unless
 * called local (Berlin, UTC+1). Percentiles: h = (n-1)p, x[floor h] + frac(h)(x[floor h+1] -
 * x[floor h]).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupsIT {
  private static final double EPS = 1e-6;
  private static final WeekId W06 = WeekId.parse("2026-W06");
  private static final WeekId W07 = WeekId.parse("2026-W07");

  @TempDir static Path dir;
  private Database db;
  private EventStore.StoreResult stored;
  private EventLog log;

  @BeforeAll
  void store() {
    db = Database.open(dir);
    stored = RollupFixture.store(db);
    log = EventLog.of(EventScan.load(db, List.of(RollupFixture.CONFIG.signupEvent()), 2));
  }

  @AfterAll
  void close() {
    db.close();
  }

  // ---- store and scan -------------------------------------------------------------------------

  @Test
  void theDuplicateMessageIdIsStoredOnce() {
    // 54 listed calls + dave's 76 - 1 loop line = 129 calls; alice's "Wallet Opened" a5 twice.
    assertThat(RollupFixture.calls()).hasSize(129);
    assertThat(stored.inserted()).isEqualTo(128);
    assertThat(stored.duplicates()).isEqualTo(1);
  }

  @Test
  void theScanResolvesAnonymousAndPreIdentifyIdsToTheirUsers() {
    EventColumns columns = EventScan.load(db, List.of("Signed Up"), 1);
    // Activity events (identify and alias left out): alice 5, bob 3, carol 5, dave 76, erin 4,
    // frank 4, mallory 3, anon-z 2, judy 2, grace 3, heidi 5, ivan 5, nina 4 = 121.
    assertThat(columns.size()).isEqualTo(121);
    // anon-a resolves to alice and ph-d1 to mallory: 13 keys, neither raw id among them.
    assertThat(columns.users())
        .containsExactlyInAnyOrder(
            "alice", "bob", "carol", "dave", "erin", "frank", "mallory", "anon-z", "judy", "grace", "heidi", "ivan",
            "nina");
    // Ten signups keep their JSON.
    assertThat(columns.markedRows()).hasSize(10);
    // The same columns whether read by one thread or two.
    assertThat(log.size()).isEqualTo(121);
    assertThat(log.userCount()).isEqualTo(13);
  }

  @Test
  void sessionsSplitAtThirtyMinutesAndAtTheTwentyFourHourCap() {
    Sessions s = Sessionizer.of(log, RollupFixture.AS_OF.toEpochMilli());
    // W06 12 + W07 9 + frank's two March sessions + grace's 1 March one = 24.
    assertThat(s.count()).isEqualTo(24);
    assertThat(sessionSizes(s, "bob")).containsExactly(1, 1, 1); // 10:00, 10:30 (exactly 30 min), next day
    assertThat(sessionSizes(s, "carol")).containsExactly(5); // a 29:59 gap continues
    assertThat(sessionSizes(s, "dave")).containsExactly(72, 4); // 00:00..23:40, then 24:00 (cap)..25:00
    assertThat(sessionSizes(s, "alice")).containsExactly(5); // two anonymous pages + three as alice
    assertThat(sessionSizes(s, "anon-z")).containsExactly(2); // across local midnight: no split
  }

  private int[] sessionSizes(Sessions s, String user) {
    int u = Arrays.asList(userKeys()).indexOf(user);
    int[] sizes = new int[s.userStart(u + 1) - s.userStart(u)];
    for (int k = s.userStart(u); k < s.userStart(u + 1); k++) {
      sizes[k - s.userStart(u)] = s.last(k) - s.first(k) + 1;
    }
    return sizes;
  }

  private String[] userKeys() {
    String[] keys = new String[log.userCount()];
    for (int u = 0; u < keys.length; u++) {
      keys[u] = log.userKey(u);
    }
    return keys;
  }

  // ---- acquisition ----------------------------------------------------------------------------

  @Test
  void acquisitionCountsSignupsPerLocalWeekBySourceAndSegment() {
    AcquisitionReport r =
        AcquisitionRollup.of(log, RollupFixture.CONFIG, W06.plusWeeks(-1), W07.plusWeeks(1), RollupFixture.AS_OF);

    assertThat(r.weeks()).extracting(AcquisitionWeek::week).containsExactly(W06.plusWeeks(-1), W06, W07, W07.plusWeeks(1));
    assertThat(r.weeks().get(0).signups()).isZero();
    assertThat(r.weeks().get(3).signups()).isZero();
    AcquisitionWeek w06 = r.weeks().get(1);
    // alice, bob, carol, erin, frank, mallory (judy's 23:30Z Sunday is Monday local: W07).
    assertThat(w06.signups()).isEqualTo(6);
    // Sources: alice ads (property beats campaign facebook), erin ads, frank ads; bob newsletter
    // (campaign beats utm_source bing), mallory newsletter; carol google (utm_source).
    assertThat(w06.bySource())
        .containsExactly(new KeyCount("ads", 3), new KeyCount("newsletter", 2), new KeyCount("google", 1));
    // Segments: alice pro, mallory pro (identify after alias), carol pro (context.traits);
    // bob free, erin free; frank none.
    assertThat(w06.bySegment())
        .containsExactly(new KeyCount("pro", 3), new KeyCount("free", 2), new KeyCount(KeyCount.NONE, 1));
    AcquisitionWeek w07 = r.weeks().get(2);
    // judy, grace, heidi, ivan.
    assertThat(w07.signups()).isEqualTo(4);
    // grace ads, ivan ads; judy google; heidi newsletter. Ties by key.
    assertThat(w07.bySource())
        .containsExactly(new KeyCount("ads", 2), new KeyCount("google", 1), new KeyCount("newsletter", 1));
    // grace free (signup event traits), judy free; heidi pro (identify beats the signup's free);
    // ivan none.
    assertThat(w07.bySegment())
        .containsExactly(new KeyCount("free", 2), new KeyCount(KeyCount.NONE, 1), new KeyCount("pro", 1));
  }

  // ---- onboarding -----------------------------------------------------------------------------

  @Test
  void onboardingPerCohortAsOfTwentiethOfMarch() {
    OnboardingReport r = OnboardingRollup.of(log, RollupFixture.CONFIG, W06, W07, RollupFixture.AS_OF);
    assertThat(r.conversionWindowDays()).isEqualTo(30);

    OnboardingCohort w06 = r.cohorts().get(0);
    assertThat(w06.week()).isEqualTo(W06);
    assertThat(w06.users()).isEqualTo(6);
    // Converted: mallory 18:05->18:20 0.25 h, alice 09:10->09:45 35/60 = 0.583333 h, carol 1 h,
    // bob 3 Feb 10:00 -> 4 Feb 08:00 = 22 h. frank's deposit came 32 days after: not within 30.
    assertThat(w06.converted()).isEqualTo(4);
    assertThat(w06.conversionRate()).isCloseTo(4.0 / 6, within(EPS));
    // Sorted [0.25, 0.583333, 1, 22]: mean 23.833333/4 = 5.958333; median h=1.5: 0.583333 +
    // 0.5*0.416667 = 0.791667; p75 h=2.25: 1 + 0.25*21 = 6.25; p90 h=2.7: 1 + 0.7*21 = 15.7.
    assertDistribution(w06.hoursToFirstTransaction(), 4, 23.833333333 / 4, 0.791666667, 6.25, 15.7);
    // Steps strictly between: alice 1 (Wallet Opened, stored once), bob 1 (the page), carol 3
    // (page, swap, ticket), mallory 0 (alias and identify are not activity). [0,1,1,3]: mean
    // 1.25, median 1, p75 1 + 0.25*2 = 1.5, p90 1 + 0.7*2 = 2.4.
    assertDistribution(w06.steps(), 4, 1.25, 1, 1.5, 2.4);
    // Sessions: bob 3 (30 min exactly splits, then the next day), others 1. [1,1,1,3].
    assertDistribution(w06.sessions(), 4, 1.5, 1, 1.5, 2.4);
    // Days: bob 11:00 local 3 Feb -> 09:00 local 4 Feb = 1, others 0. [0,0,0,1]: mean 0.25,
    // median 0, p75 0.25, p90 0.7.
    assertDistribution(w06.days(), 4, 0.25, 0, 0.25, 0.7);
    // Tickets: carol 1 (12:45, before her deposit), erin 1 (within her window), frank 1 (6 Feb;
    // his 9 March one is after signup + 30 days = 8 March). 3 tickets / 6 users; 3 of 6 with any.
    assertThat(w06.supportTickets().tickets()).isEqualTo(3);
    assertThat(w06.supportTickets().usersWithAny()).isEqualTo(3);
    assertThat(w06.supportTickets().meanPerUser()).isCloseTo(0.5, within(EPS));
    assertThat(w06.supportTickets().shareWithAny()).isCloseTo(0.5, within(EPS));
    // erin: last event 6 Feb 20:00, 41.7 days before 20 March: silent. frank: last event 10
    // March (his late deposit), 10 days: in progress, and converted after the window.
    assertThat(w06.silentGiveUps()).isEqualTo(1);
    assertThat(w06.inProgress()).isEqualTo(1);
    assertThat(w06.convertedAfterWindow()).isEqualTo(1);

    OnboardingCohort w07 = r.cohorts().get(1);
    assertThat(w07.week()).isEqualTo(W07);
    assertThat(w07.users()).isEqualTo(4);
    // ivan 10 min = 0.166667 h, judy 40 min = 0.666667 h, heidi 11 Feb 09:00 -> 13 Feb 08:00 = 47 h.
    assertThat(w07.converted()).isEqualTo(3);
    assertThat(w07.conversionRate()).isCloseTo(0.75, within(EPS));
    // [0.166667, 0.666667, 47]: mean 47.833333/3 = 15.944444; median 0.666667; p75 h=1.5:
    // 0.666667 + 0.5*46.333333 = 23.833333; p90 h=1.8: 0.666667 + 0.8*46.333333 = 37.733333.
    assertDistribution(w07.hoursToFirstTransaction(), 3, 15.944444444, 0.666666667, 23.833333333, 37.733333333);
    // Steps: heidi 3 (two tickets, a page), ivan 3 (page, two swaps), judy 0. [0,3,3].
    assertDistribution(w07.steps(), 3, 2, 3, 3, 3);
    // Sessions: heidi 4 (09:00 | 10:00 | next day 09:00-09:10 | 13 Feb), ivan 1, judy 2 (23:30
    // and 00:10: 40 minutes apart). [1,2,4]: mean 7/3, median 2, p75 2 + 0.5*2 = 3, p90 2 +
    // 0.8*2 = 3.6.
    assertDistribution(w07.sessions(), 3, 7.0 / 3, 2, 3, 3.6);
    // Days: heidi 11 -> 13 Feb = 2; judy 00:30 -> 01:10 local 9 Feb = 0 (in UTC it would be 1);
    // ivan 0. [0,0,2]: mean 0.666667, median 0, p75 1, p90 1.6.
    assertDistribution(w07.days(), 3, 2.0 / 3, 0, 1, 1.6);
    // Tickets: heidi 2 of 4 users: mean 0.5; 1 of 4 with any: 0.25.
    assertThat(w07.supportTickets().tickets()).isEqualTo(2);
    assertThat(w07.supportTickets().meanPerUser()).isCloseTo(0.5, within(EPS));
    assertThat(w07.supportTickets().shareWithAny()).isCloseTo(0.25, within(EPS));
    // grace: last seen 1 March 12:00, 19 days before: in progress.
    assertThat(w07.silentGiveUps()).isZero();
    assertThat(w07.inProgress()).isEqualTo(1);
    assertThat(w07.convertedAfterWindow()).isZero();
  }

  @Test
  void onboardingAsOfAnEarlierInstantIgnoresLaterEvents() {
    // As of 20 Feb: erin's silence is 13.7 days (in progress); frank's late deposit and March
    // ticket do not exist yet (in progress, not converted after the window).
    OnboardingReport feb20 =
        OnboardingRollup.of(log, RollupFixture.CONFIG, W06, W07, Instant.parse("2026-02-20T12:00:00Z"));
    OnboardingCohort w06 = feb20.cohorts().get(0);
    assertThat(w06.converted()).isEqualTo(4);
    assertThat(w06.silentGiveUps()).isZero();
    assertThat(w06.inProgress()).isEqualTo(2);
    assertThat(w06.convertedAfterWindow()).isZero();
    assertThat(w06.supportTickets().tickets()).isEqualTo(3);

    // As of 12 Feb 12:00: ivan (15:00) has not signed up, heidi (deposit 13 Feb) has not
    // converted; her tickets count up to the evaluation instant: 11 Feb 10:00 and 12 Feb 09:00.
    OnboardingCohort w07 =
        OnboardingRollup.of(log, RollupFixture.CONFIG, W07, W07, Instant.parse("2026-02-12T12:00:00Z")).cohorts().get(0);
    assertThat(w07.users()).isEqualTo(3);
    assertThat(w07.converted()).isEqualTo(1);
    assertThat(w07.inProgress()).isEqualTo(2);
    assertThat(w07.supportTickets().tickets()).isEqualTo(2);
    assertDistribution(w07.hoursToFirstTransaction(), 1, 2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3);
  }

  // ---- usage ----------------------------------------------------------------------------------

  @Test
  void usageOfTheFirstWeek() {
    UsageReport r = UsageRollup.of(log, RollupFixture.CONFIG, W06, W07, RollupFixture.AS_OF);
    UsageWeek w = r.weeks().get(0);
    assertThat(w.week()).isEqualTo(W06);
    // Users with a session starting in W06: alice, bob, carol, dave, erin, frank, mallory, anon-z.
    assertThat(w.activeUsers()).isEqualTo(8);
    // Sessions 1+3+1+2+2+1+1+1 = 12; events 5+3+5+76+4+2+3+2 = 100 (frank's March ones are W11).
    assertThat(w.sessions()).isEqualTo(12);
    assertThat(w.events()).isEqualTo(100);
    // Sessions per user sorted [1,1,1,1,1,2,2,3]: mean 1.5, median 1, p75 h=5.25: 2, p90 h=6.3:
    // 2 + 0.3 = 2.3.
    assertDistribution(w.sessionsPerUser(), 8, 1.5, 1, 2, 2.3);
    // Seconds per user: bob 0, frank 300, erin 1200, mallory 1200, anon-z 1200, alice 2700, carol
    // 3600, dave 85200 + 3600 = 88800. Sum 99000 / 8 = 12375; median 1200; p75 h=5.25: 2700 +
    // 0.25*900 = 2925; p90 h=6.3: 3600 + 0.3*85200 = 29160.
    assertDistribution(w.sessionSecondsPerUser(), 8, 12375, 1200, 2925, 29160);
    // Per feature: events, users, sessions, seconds of those sessions (most events first, then
    // kind, then key).
    assertThat(w.features())
        .containsExactly(
            // carol 1 + dave 76; sessions carol 3600, dave 85200 and 3600.
            event("Swap Executed", 77, 2, 3, 92400),
            // alice 2700, bob 0, carol 3600, erin 1200, frank 300, mallory 1200.
            event("Signed Up", 6, 6, 6, 9000),
            // alice 2700, bob's third session 0, carol 3600, mallory 1200.
            event("Deposit Completed", 4, 4, 4, 7500),
            // carol 3600, erin 1200, frank 300.
            event("Support Ticket Created", 3, 3, 3, 5100),
            // alice 2700, mallory 1200, anon-z 1200 (its Monday 00:10 local event is in a W06 session).
            page("/", 3, 3, 3, 5100),
            page("/swap", 2, 2, 2, 4800), // carol 3600, anon-z 1200
            page("/wallet", 2, 2, 2, 2700), // alice 2700, bob's second session 0
            event("Chain Added", 1, 1, 1, 0), // erin's second session
            event("Wallet Opened", 1, 1, 1, 2700), // alice, once (the duplicate was not stored)
            page("/chains", 1, 1, 1, 1200)); // erin's first session
    // Wallet home: alice 3 events (/, /wallet, Wallet Opened), bob 1, mallory 1, anon-z 1; one
    // day each. 4 of 8 users; 6/4 = 1.5 events; depth 1: bob, mallory, anon-z; 2-5: alice.
    // Atomic swap: carol 2 (1 day), dave 76 (3 Feb and 4 Feb local: 2 days), anon-z 1 (1 day).
    // 3/8; 79/3 events; 4/3 days; one user at each depth.
    // Multi-chain: erin 2 (5 and 6 Feb): 1/8, 2 events, 2 days, depth 2-5.
    assertThat(w.areas())
        .containsExactly(
            new AreaDepth("Wallet home", 4, 0.5, 1.5, 1.0, 3, 1, 0),
            new AreaDepth("Atomic swap", 3, 0.375, 79.0 / 3, 4.0 / 3, 1, 1, 1),
            new AreaDepth("Multi-chain", 1, 0.125, 2.0, 2.0, 0, 1, 0));
  }

  @Test
  void usageOfTheSecondWeek() {
    UsageWeek w = UsageRollup.of(log, RollupFixture.CONFIG, W06, W07, RollupFixture.AS_OF).weeks().get(1);
    assertThat(w.week()).isEqualTo(W07);
    // judy, grace, heidi, ivan, nina (grace's 1 March session is W09).
    assertThat(w.activeUsers()).isEqualTo(5);
    // Sessions: judy 2 (40 minutes apart), grace 1, heidi 4, ivan 1, nina 1 = 9; events 2+2+5+5+4 = 18.
    assertThat(w.sessions()).isEqualTo(9);
    assertThat(w.events()).isEqualTo(18);
    // [1,1,1,2,4]: mean 1.8, median 1, p75 h=3: 2, p90 h=3.6: 2 + 0.6*2 = 3.2.
    assertDistribution(w.sessionsPerUser(), 5, 1.8, 1, 2, 3.2);
    // judy 0 (two one-event sessions), grace 600, heidi 600 (0+0+600+0), ivan 600, nina 600:
    // [0,600,600,600,600]: mean 2400/5 = 480, median, p75 and p90 600.
    assertDistribution(w.sessionSecondsPerUser(), 5, 480, 600, 600, 600);
    assertThat(w.features())
        .containsExactly(
            event("Signed Up", 4, 4, 4, 1200), // judy 0, grace 600, heidi 0, ivan 600
            event("Deposit Completed", 3, 3, 3, 600), // judy 0, heidi 0, ivan 600
            event("Support Ticket Created", 2, 1, 2, 600), // heidi's 2nd (0) and 3rd (600) sessions
            event("Swap Executed", 2, 1, 1, 600), // ivan, one session
            page("/wallet", 2, 2, 2, 1200), // grace 600, heidi 600
            event("Chain Added", 1, 1, 1, 600),
            page("/", 1, 1, 1, 600),
            page("/chains", 1, 1, 1, 600),
            page("/swap", 1, 1, 1, 600),
            page("Chain List", 1, 1, 1, 600)); // nina's screen, keyed by name (no path)
    // Wallet home: grace, heidi (/wallet), nina (/): 3/5, 1 event, 1 day each.
    // Atomic swap: ivan 3 (/swap + 2 swaps): 1/5, depth 2-5. Multi-chain: nina 3 (screen
    // "Chain List" matches "Chain *", /chains, Chain Added): 1/5, depth 2-5.
    assertThat(w.areas())
        .containsExactly(
            new AreaDepth("Wallet home", 3, 0.6, 1.0, 1.0, 3, 0, 0),
            new AreaDepth("Atomic swap", 1, 0.2, 3.0, 1.0, 0, 1, 0),
            new AreaDepth("Multi-chain", 1, 0.2, 3.0, 1.0, 0, 1, 0));
  }

  @Test
  void theServiceCachesTheLogUntilTheStoreChanges() {
    RollupService service = new RollupService(db, RollupFixture.ZONE);
    EventLog first = service.log(RollupFixture.CONFIG);
    assertThat(service.log(RollupFixture.CONFIG)).isSameAs(first);
    assertThat(service.acquisition(RollupFixture.CONFIG, service.range("2026-W06", "2026-W07", RollupFixture.AS_OF,
        RollupFixture.CONFIG), RollupFixture.AS_OF).weeks().get(0).signups()).isEqualTo(6);
  }

  private static FeatureUsage event(String key, long events, long users, long sessions, double seconds) {
    return new FeatureUsage(FeatureUsage.EVENT, key, events, users, sessions, seconds);
  }

  private static FeatureUsage page(String key, long events, long users, long sessions, double seconds) {
    return new FeatureUsage(FeatureUsage.PAGE, key, events, users, sessions, seconds);
  }

  static void assertDistribution(Distribution d, long n, double mean, double median, double p75, double p90) {
    assertThat(d.n()).as("n").isEqualTo(n);
    assertThat(d.mean()).as("mean").isCloseTo(mean, within(EPS));
    assertThat(d.median()).as("median").isCloseTo(median, within(EPS));
    assertThat(d.p75()).as("p75").isCloseTo(p75, within(EPS));
    assertThat(d.p90()).as("p90").isCloseTo(p90, within(EPS));
  }
}
