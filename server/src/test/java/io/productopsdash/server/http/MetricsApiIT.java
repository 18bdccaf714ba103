package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.productopsdash.server.MetricsFixture;
import io.productopsdash.server.cli.ProductOpsDashCli;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The metrics endpoints and the metrics configuration over HTTP, on {@link MetricsFixture}'s
 * events; the clock stands at Wed 18 Nov 2026 10:00Z (week 2026-W47 in Berlin).
 */
class MetricsApiIT {
  private static final double EPS = 1e-9;
  private static final String RANGE = "?from=2026-W46&to=2026-W47";

  @TempDir Path dataDir;
  private ApiTestServer server;

  @BeforeEach
  void start() {
    MetricsFixture.store(dataDir);
    server = ApiTestServer.start(dataDir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void acquisitionBySourceAndSegment() {
    Reply r = server.admin("GET", "/api/v1/metrics/acquisition" + RANGE, null);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonObject body = r.json();
    assertThat(body.get("from").getAsString()).isEqualTo("2026-W46");
    assertThat(body.get("to").getAsString()).isEqualTo("2026-W47");
    assertThat(body.get("asOf").getAsString()).isEqualTo("2026-11-18T10:00:00Z");
    JsonArray weeks = body.getAsJsonArray("weeks");
    assertThat(weeks).hasSize(2);
    assertThat(weeks.get(0).getAsJsonObject().get("signups").getAsLong()).isZero();
    JsonObject w47 = weeks.get(1).getAsJsonObject();
    assertThat(w47.get("week").getAsString()).isEqualTo("2026-W47");
    assertThat(w47.get("signups").getAsLong()).isEqualTo(2);
    assertThat(w47.getAsJsonArray("bySource").toString())
        .isEqualTo("[{\"key\":\"ads\",\"users\":1},{\"key\":\"newsletter\",\"users\":1}]");
    assertThat(w47.getAsJsonArray("bySegment").toString())
        .isEqualTo("[{\"key\":\"(none)\",\"users\":1},{\"key\":\"pro\",\"users\":1}]");
  }

  @Test
  void onboardingAsOfNowAndAsOfAnEarlierInstant() {
    JsonObject w47 = cohort(server.admin("GET", "/api/v1/metrics/onboarding" + RANGE, null), 1);
    // u1 converted 40 minutes after signup; u2 is in progress.
    assertThat(w47.get("users").getAsLong()).isEqualTo(2);
    assertThat(w47.get("converted").getAsLong()).isEqualTo(1);
    assertThat(w47.get("conversionRate").getAsDouble()).isCloseTo(0.5, within(EPS));
    JsonObject hours = w47.getAsJsonObject("hoursToFirstTransaction");
    assertThat(hours.get("median").getAsDouble()).isCloseTo(40.0 / 60, within(EPS));
    assertThat(w47.getAsJsonObject("sessions").get("median").getAsDouble()).isCloseTo(2, within(EPS));
    assertThat(w47.get("inProgress").getAsLong()).isEqualTo(1);
    assertThat(w47.get("silentGiveUps").getAsLong()).isZero();
    // An empty cohort: no rate, an empty distribution.
    JsonObject w46 = cohort(server.admin("GET", "/api/v1/metrics/onboarding" + RANGE, null), 0);
    assertThat(w46.has("conversionRate")).isFalse();
    assertThat(w46.getAsJsonObject("hoursToFirstTransaction").get("n").getAsLong()).isZero();

    // At 09:30 u1 had signed up but not yet deposited.
    JsonObject early =
        cohort(server.admin("GET", "/api/v1/metrics/onboarding" + RANGE + "&asOf=2026-11-16T09:30:00Z", null), 1);
    assertThat(early.get("users").getAsLong()).isEqualTo(1);
    assertThat(early.get("converted").getAsLong()).isZero();
  }

  @Test
  void usagePerWeek() {
    Reply r = server.admin("GET", "/api/v1/metrics/usage" + RANGE, null);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonArray weeks = r.json().getAsJsonArray("weeks");
    JsonObject w46 = weeks.get(0).getAsJsonObject();
    assertThat(w46.get("activeUsers").getAsLong()).isEqualTo(1);
    JsonObject w47 = weeks.get(1).getAsJsonObject();
    // u1: [09:00, 09:10] and [09:40]; u2: [12:00].
    assertThat(w47.get("activeUsers").getAsLong()).isEqualTo(2);
    assertThat(w47.get("sessions").getAsLong()).isEqualTo(3);
    assertThat(w47.get("events").getAsLong()).isEqualTo(4);
    JsonObject first = w47.getAsJsonArray("features").get(0).getAsJsonObject();
    assertThat(first.get("kind").getAsString()).isEqualTo("event");
    assertThat(first.get("key").getAsString()).isEqualTo("Signed Up");
    assertThat(first.get("events").getAsLong()).isEqualTo(2);
    assertThat(first.get("sessionSeconds").getAsDouble()).isCloseTo(600, within(EPS));
    JsonObject swap = w47.getAsJsonArray("areas").get(1).getAsJsonObject();
    assertThat(swap.get("area").getAsString()).isEqualTo("Atomic swap");
    assertThat(swap.get("users").getAsLong()).isEqualTo(1);
    assertThat(swap.get("shareOfActiveUsers").getAsDouble()).isCloseTo(0.5, within(EPS));
    assertThat(swap.get("depth1").getAsLong()).isEqualTo(1);
  }

  @Test
  void theCommandLinePrintsTheSameJsonAsTheApi() {
    String asOf = "2026-11-18T10:00:00Z";
    for (String rollup : new String[] {"acquisition", "onboarding", "usage"}) {
      Reply r = server.admin("GET", "/api/v1/metrics/" + rollup + RANGE + "&asOf=" + asOf, null);
      StringWriter out = new StringWriter();
      int code =
          new CommandLine(new ProductOpsDashCli())
              .setOut(new PrintWriter(out))
              .setErr(new PrintWriter(new StringWriter()))
              .execute("rollup", rollup, "--data", dataDir.toString(), "--from", "2026-W46", "--to", "2026-W47",
                  "--as-of", asOf, "--zone", "Europe/Berlin", "--json");
      assertThat(code).isZero();
      assertThat(out.toString().strip()).as(rollup).isEqualTo(r.body());
    }
  }

  @Test
  void metricsNeedTheAdminTokenAndValidParameters() {
    assertError(server.send("GET", "/api/v1/metrics/usage" + RANGE, null, null), 401, null);
    assertError(server.send("GET", "/api/v1/config/metrics", null, "wrong"), 401, null);
    assertThat(assertError(server.admin("GET", "/api/v1/metrics/acquisition?from=2026-46&to=2026-W47", null), 400, "from"))
        .contains("2026-46");
    assertError(server.admin("GET", "/api/v1/metrics/onboarding?from=2026-W46&to=W47", null), 400, "to");
    assertThat(assertError(server.admin("GET", "/api/v1/metrics/usage?from=2026-W48&to=2026-W47", null), 400, "from"))
        .contains("after");
    assertError(server.admin("GET", "/api/v1/metrics/usage?from=2000-W01&to=2026-W47", null), 400, "from");
    assertThat(assertError(server.admin("GET", "/api/v1/metrics/usage" + RANGE + "&asOf=yesterday", null), 400, "asOf"))
        .contains("yesterday");
  }

  @Test
  void withoutARangeTheTwelveWeeksUpToTheCurrentOneAreReported() {
    JsonObject body = server.admin("GET", "/api/v1/metrics/acquisition", null).json();
    assertThat(body.get("to").getAsString()).isEqualTo(ApiTestServer.START_WEEK);
    assertThat(body.get("from").getAsString()).isEqualTo("2026-W36");
    assertThat(body.getAsJsonArray("weeks")).hasSize(12);
  }

  /** A data folder where no team saved a configuration gets Segment's spec names, nothing of the example app. */
  @Test
  void withoutASavedConfigurationTheSegmentSpecNamesApply(@TempDir Path fresh) {
    try (ApiTestServer other = ApiTestServer.start(fresh)) {
      JsonObject config = other.admin("GET", "/api/v1/config/metrics", null).json();
      assertThat(config.get("signupEvent").getAsString()).isEqualTo("Signed Up");
      assertThat(config.getAsJsonArray("firstTransactionEvents").get(0).getAsString()).isEqualTo("Order Completed");
      assertThat(config.getAsJsonArray("firstTransactionEvents")).hasSize(1);
      assertThat(config.getAsJsonArray("featureAreas")).isEmpty();
      assertThat(config.has("supportTicketEvent") && !config.get("supportTicketEvent").isJsonNull()).isFalse();
    }
  }

  @Test
  void theSavedConfigurationIsServedAndCanBeReplaced() {
    JsonObject initial = server.admin("GET", "/api/v1/config/metrics", null).json();
    assertThat(initial.get("signupEvent").getAsString()).isEqualTo("Signed Up");
    assertThat(initial.get("zone").getAsString()).isEqualTo("Europe/Berlin");
    assertThat(initial.getAsJsonArray("featureAreas")).hasSize(3);

    String config =
        "{\"signupEvent\":\"Deposit Completed\",\"firstTransactionEvents\":[\"Swap Executed\"],"
            + "\"featureAreas\":[{\"name\":\"Swaps\",\"pathPatterns\":[\"/swap*\"]}],\"zone\":\"UTC\","
            + "\"conversionWindowDays\":14,\"sourceProperty\":\"source\"}";
    Reply put = server.admin("PUT", "/api/v1/config/metrics", config);
    assertThat(put.status()).as("%s", put).isEqualTo(200);
    JsonObject saved = server.admin("GET", "/api/v1/config/metrics", null).json();
    assertThat(saved.get("signupEvent").getAsString()).isEqualTo("Deposit Completed");
    assertThat(saved.get("conversionWindowDays").getAsInt()).isEqualTo(14);
    assertThat(saved.get("zone").getAsString()).isEqualTo("UTC");
    assertThat(saved.has("supportTicketEvent")).isFalse();
    assertThat(saved.getAsJsonArray("featureAreas").get(0).getAsJsonObject().get("name").getAsString()).isEqualTo("Swaps");

    // The rollups follow the new meaning: u1's deposit is now the signup, in week 47.
    JsonObject w47 = server.admin("GET", "/api/v1/metrics/acquisition" + RANGE, null).json()
        .getAsJsonArray("weeks").get(1).getAsJsonObject();
    assertThat(w47.get("signups").getAsLong()).isEqualTo(1);
    JsonObject usage = server.admin("GET", "/api/v1/metrics/usage" + RANGE, null).json()
        .getAsJsonArray("weeks").get(1).getAsJsonObject();
    assertThat(usage.getAsJsonArray("areas")).hasSize(1);
  }

  @Test
  void aBadConfigurationIs400NamingTheFieldAndChangesNothing() {
    String valid = "\"signupEvent\":\"Signed Up\",\"firstTransactionEvents\":[\"Deposit Completed\"],\"zone\":\"UTC\"";
    assertError(server.admin("PUT", "/api/v1/config/metrics", "{\"firstTransactionEvents\":[\"x\"],\"zone\":\"UTC\"}"), 400,
        "signupEvent");
    assertError(server.admin("PUT", "/api/v1/config/metrics", "{\"signupEvent\":\"Signed Up\",\"zone\":\"UTC\"}"), 400,
        "firstTransactionEvents");
    assertThat(assertError(server.admin("PUT", "/api/v1/config/metrics", "{" + valid.replace("UTC", "Mars/Base") + "}"),
        400, "zone")).contains("Mars/Base");
    assertError(server.admin("PUT", "/api/v1/config/metrics", "{" + valid + ",\"conversionWindowDays\":0}"), 400,
        "conversionWindowDays");
    assertError(server.admin("PUT", "/api/v1/config/metrics", "{" + valid + ",\"conversionWindowDays\":1.5}"), 400,
        "conversionWindowDays");
    assertError(server.admin("PUT", "/api/v1/config/metrics", "{" + valid + ",\"signupEvnt\":\"x\"}"), 400, "signupEvnt");
    assertError(server.admin("PUT", "/api/v1/config/metrics",
        "{" + valid + ",\"featureAreas\":[{\"name\":\"A\",\"eventPatterns\":[3]}]}"), 400, "featureAreas[0].eventPatterns[0]");
    assertError(server.admin("PUT", "/api/v1/config/metrics", "{" + valid + ",\"featureAreas\":[{\"name\":\"A\"}]}"), 400,
        "featureAreas");
    assertError(server.admin("PUT", "/api/v1/config/metrics", "{" + valid + ",\"firstTransactionEvents\":\"x\"}"), 400,
        "firstTransactionEvents");
    assertError(server.admin("PUT", "/api/v1/config/metrics", "[1]"), 400, "body");
    assertError(server.admin("PUT", "/api/v1/config/metrics", "{" + valid), 400, "body");

    assertThat(server.admin("GET", "/api/v1/config/metrics", null).json().get("zone").getAsString())
        .isEqualTo("Europe/Berlin");
  }

  @Test
  void theUnfinishedWeekIsPartialAndACohortIsCompleteOnlyOnceItsWindowHasClosed() {
    // Now (Wednesday of W47): W47 has not ended; W46 has.
    for (String kind : new String[] {"acquisition", "usage"}) {
      JsonArray weeks = server.admin("GET", "/api/v1/metrics/" + kind + RANGE, null).json().getAsJsonArray("weeks");
      assertThat(weeks.get(0).getAsJsonObject().get("partial").getAsBoolean()).as("%s W46", kind).isFalse();
      assertThat(weeks.get(1).getAsJsonObject().get("partial").getAsBoolean()).as("%s W47", kind).isTrue();
    }
    // W47 ends on Monday 23 Nov 00:00 in Berlin: 2026-11-22T23:00Z (CET, UTC+1).
    JsonArray justBefore =
        server.admin("GET", "/api/v1/metrics/acquisition" + RANGE + "&asOf=2026-11-22T22:59:59Z", null).json().getAsJsonArray("weeks");
    assertThat(justBefore.get(1).getAsJsonObject().get("partial").getAsBoolean()).isTrue();
    JsonArray atTheEnd =
        server.admin("GET", "/api/v1/metrics/acquisition" + RANGE + "&asOf=2026-11-22T23:00:00Z", null).json().getAsJsonArray("weeks");
    assertThat(atTheEnd.get(1).getAsJsonObject().get("partial").getAsBoolean()).isFalse();

    // A 30-day window: W46's cohort (signups up to Mon 16 Nov 00:00 CET) closes 30 days after the
    // week's end, 2026-12-15T23:00Z; W47's a week later.
    Reply now = server.admin("GET", "/api/v1/metrics/onboarding" + RANGE, null);
    assertThat(cohort(now, 0).get("complete").getAsBoolean()).isFalse();
    assertThat(cohort(now, 0).get("windowClosesAt").getAsString()).isEqualTo("2026-12-15T23:00:00Z");
    assertThat(cohort(now, 1).get("complete").getAsBoolean()).isFalse();
    assertThat(cohort(now, 1).get("windowClosesAt").getAsString()).isEqualTo("2026-12-22T23:00:00Z");
    Reply closing = server.admin("GET", "/api/v1/metrics/onboarding" + RANGE + "&asOf=2026-12-15T23:00:00Z", null);
    assertThat(cohort(closing, 0).get("complete").getAsBoolean()).isTrue();
    assertThat(cohort(closing, 1).get("complete").getAsBoolean()).isFalse();
    Reply before = server.admin("GET", "/api/v1/metrics/onboarding" + RANGE + "&asOf=2026-12-15T22:59:59Z", null);
    assertThat(cohort(before, 0).get("complete").getAsBoolean()).isFalse();
  }

  private static JsonObject cohort(Reply r, int index) {
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.json().getAsJsonArray("cohorts").get(index).getAsJsonObject();
  }
}
