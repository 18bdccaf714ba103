package io.productopsdash.data.events;

import io.productopsdash.definitions.events.PersonProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.productopsdash.definitions.events.EventRejectedException;
import io.productopsdash.definitions.events.SkipReason;
import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PosthogNormalizerTest {
  private static final Instant RECEIVED = Instant.parse("2026-03-10T12:00:00Z");

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  @Test
  void captureIsATrackCallOfTheDistinctIdWithoutTheProjectKey() {
    Event e =
        PosthogNormalizer.normalize(
            json(
                "{\"event\":\"Swap Completed\",\"distinct_id\":\"u1\",\"uuid\":\"0190-uuid\",\"timestamp\":\"2026-03-10T11:00:00Z\","
                    + "\"properties\":{\"chain\":\"base\",\"token\":\"phc_secret\",\"$lib\":\"posthog-node\",\"utm_source\":\"google\"}}"),
            RECEIVED,
            null);
    assertThat(e.type()).isEqualTo(EventType.TRACK);
    assertThat(e.name()).isEqualTo("Swap Completed");
    assertThat(e.userId()).isEqualTo("u1");
    assertThat(e.messageId()).isEqualTo("0190-uuid");
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-03-10T11:00:00Z"));
    assertThat(e.properties()).contains("\"chain\":\"base\"").doesNotContain("phc_secret").doesNotContain("token");
    assertThat(e.context()).contains("\"library\":{\"name\":\"posthog-node\"}").contains("\"campaign\":{\"source\":\"google\"}");
  }

  @Test
  void timestampsAreCorrectedForClockSkewWithSentAt() {
    // The device clock is 10 minutes ahead: sent_at says 12:10 when we receive it at 12:00.
    Event e =
        PosthogNormalizer.normalize(
            json("{\"event\":\"a\",\"distinct_id\":\"u\",\"timestamp\":\"2026-03-10T12:09:00Z\"}"),
            RECEIVED,
            Instant.parse("2026-03-10T12:10:00Z"));
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-03-10T11:59:00Z"));
    Event offset = PosthogNormalizer.normalize(json("{\"event\":\"a\",\"distinct_id\":\"u\",\"offset\":1500}"), RECEIVED, null);
    assertThat(offset.timestamp()).isEqualTo(RECEIVED.minusMillis(1500));
  }

  @Test
  void identifyLinksTheAnonymousIdAndSetsTraits() {
    Event e =
        PosthogNormalizer.normalize(
            json("{\"event\":\"$identify\",\"distinct_id\":\"u1\",\"properties\":{\"$anon_distinct_id\":\"anon-1\",\"$set\":{\"plan\":\"pro\"},\"$set_once\":{\"plan\":\"free\",\"first\":\"x\"}}}"),
            RECEIVED,
            null);
    assertThat(e.type()).isEqualTo(EventType.IDENTIFY);
    assertThat(e.userId()).isEqualTo("u1");
    assertThat(e.anonymousId()).isEqualTo("anon-1");
    assertThat(e.traits()).isEqualTo("{\"$set\":{\"plan\":\"pro\"},\"$set_once\":{\"plan\":\"free\",\"first\":\"x\"}}");
    assertThat(PersonProperties.values(e.traits()).toString()).isEqualTo("{\"plan\":\"pro\",\"first\":\"x\"}");
    Event set = PosthogNormalizer.normalize(json("{\"event\":\"$set\",\"distinct_id\":\"u1\",\"properties\":{\"$set\":{\"plan\":\"plus\"}}}"), RECEIVED, null);
    assertThat(set.type()).isEqualTo(EventType.IDENTIFY);
    assertThat(set.traits()).isEqualTo("{\"$set\":{\"plan\":\"plus\"}}");
  }

  @Test
  void aliasPageviewAndScreen() {
    Event alias =
        PosthogNormalizer.normalize(
            json("{\"event\":\"$create_alias\",\"distinct_id\":\"u1\",\"properties\":{\"distinct_id\":\"u1\",\"alias\":\"old-1\"}}"), RECEIVED, null);
    assertThat(alias.type()).isEqualTo(EventType.ALIAS);
    assertThat(alias.previousId()).isEqualTo("old-1");
    assertThat(alias.userId()).isEqualTo("u1");
    Event page =
        PosthogNormalizer.normalize(
            json("{\"event\":\"$pageview\",\"distinct_id\":\"a1\",\"properties\":{\"$current_url\":\"https://app.example.com/swap?x=1#top\",\"$title\":\"Swap\"}}"),
            RECEIVED,
            null);
    assertThat(page.type()).isEqualTo(EventType.PAGE);
    assertThat(page.path()).isEqualTo("/swap");
    assertThat(page.name()).isEqualTo("Swap");
    Event pathname =
        PosthogNormalizer.normalize(
            json("{\"event\":\"$pageview\",\"distinct_id\":\"a1\",\"properties\":{\"$pathname\":\"/wallet\",\"$current_url\":\"https://x/y\"}}"), RECEIVED, null);
    assertThat(pathname.path()).isEqualTo("/wallet");
    Event screen =
        PosthogNormalizer.normalize(json("{\"event\":\"$screen\",\"distinct_id\":\"a1\",\"properties\":{\"$screen_name\":\"Home\"}}"), RECEIVED, null);
    assertThat(screen.type()).isEqualTo(EventType.SCREEN);
    assertThat(screen.name()).isEqualTo("Home");
  }

  /** posthog-js's identify, posthog-python's set() and set_once(): person properties at the top level. */
  @Test
  void topLevelPersonPropertiesWinOverThoseInProperties() {
    Event identify =
        PosthogNormalizer.normalize(
            json("{\"event\":\"$identify\",\"$set\":{\"plan\":\"pro\"},\"$set_once\":{\"first_seen\":\"2026-03-01\"},"
                + "\"properties\":{\"distinct_id\":\"u1\",\"$anon_distinct_id\":\"anon-1\",\"$device_id\":\"anon-1\",\"$is_identified\":true,"
                + "\"$set\":{\"plan\":\"free\",\"country\":\"DE\"},\"token\":\"phc_x\"}}"),
            RECEIVED,
            null);
    assertThat(identify.type()).isEqualTo(EventType.IDENTIFY);
    assertThat(identify.userId()).isEqualTo("u1");
    assertThat(identify.anonymousId()).isEqualTo("anon-1");
    assertThat(identify.traits())
        .isEqualTo("{\"$set\":{\"plan\":\"pro\",\"country\":\"DE\"},\"$set_once\":{\"first_seen\":\"2026-03-01\"}}");
    Event setOnce =
        PosthogNormalizer.normalize(json("{\"event\":\"$set_once\",\"distinct_id\":\"u1\",\"$set_once\":{\"plan\":\"x\"}}"), RECEIVED, null);
    assertThat(setOnce.type()).isEqualTo(EventType.IDENTIFY);
    assertThat(setOnce.traits()).isEqualTo("{\"$set_once\":{\"plan\":\"x\"}}");
    Event track =
        PosthogNormalizer.normalize(
            json("{\"event\":\"Signed Up\",\"distinct_id\":\"u1\",\"$set\":{\"plan\":\"pro\"},\"properties\":{\"$unset\":[\"trial\"]}}"),
            RECEIVED,
            null);
    assertThat(track.type()).isEqualTo(EventType.TRACK);
    assertThat(track.traits()).isEqualTo("{\"$set\":{\"plan\":\"pro\"},\"$unset\":[\"trial\"]}");
  }

  /** posthog-js marks a visitor's events: they belong to the anonymous id, later ones carry it beside the user. */
  @Test
  void anonymousVisitorsAreToldApartByPosthogJsMarkers() {
    Event visit =
        PosthogNormalizer.normalize(
            json("{\"event\":\"Wallet Opened\",\"properties\":{\"distinct_id\":\"0190-anon\",\"$device_id\":\"0190-anon\",\"$is_identified\":false}}"),
            RECEIVED,
            null);
    assertThat(visit.userId()).isNull();
    assertThat(visit.anonymousId()).isEqualTo("0190-anon");
    Event later =
        PosthogNormalizer.normalize(
            json("{\"event\":\"Signed Up\",\"properties\":{\"distinct_id\":\"u1\",\"$device_id\":\"0190-anon\",\"$is_identified\":true}}"),
            RECEIVED,
            null);
    assertThat(later.userId()).isEqualTo("u1");
    assertThat(later.anonymousId()).isEqualTo("0190-anon");
    assertThat(later.context()).contains("\"device\":{\"id\":\"0190-anon\"");
    // Without markers (posthog-node, posthog-python) the distinct id is the user, as before.
    Event server = PosthogNormalizer.normalize(json("{\"event\":\"a\",\"distinct_id\":\"ph-anon\"}"), RECEIVED, null);
    assertThat(server.userId()).isEqualTo("ph-anon");
    assertThat(server.anonymousId()).isNull();
  }

  @Test
  void anAliasFromAnAnonymousSessionMakesTheAliasTheUser() {
    // posthog.alias('user-c') in posthog-js before identify: distinct_id is the visitor's id.
    Event js =
        PosthogNormalizer.normalize(
            json("{\"event\":\"$create_alias\",\"properties\":{\"distinct_id\":\"anon-c-0001\",\"alias\":\"user-c\","
                + "\"$device_id\":\"anon-c-0001\",\"$is_identified\":false}}"),
            RECEIVED,
            null);
    assertThat(js.type()).isEqualTo(EventType.ALIAS);
    assertThat(js.userId()).isEqualTo("user-c");
    assertThat(js.previousId()).isEqualTo("anon-c-0001");
    // An alias naming the device id is the previous id, whichever field the user is in.
    Event deviceAlias =
        PosthogNormalizer.normalize(
            json("{\"event\":\"$create_alias\",\"distinct_id\":\"user-d\",\"properties\":{\"alias\":\"dev-d\",\"$device_id\":\"dev-d\"}}"),
            RECEIVED,
            null);
    assertThat(deviceAlias.userId()).isEqualTo("user-d");
    assertThat(deviceAlias.previousId()).isEqualTo("dev-d");
  }

  @Test
  void missingEventOrDistinctIdIsRejected() {
    assertThatThrownBy(() -> PosthogNormalizer.normalize(json("{\"distinct_id\":\"u\"}"), RECEIVED, null))
        .isInstanceOfSatisfying(EventRejectedException.class, e -> assertThat(e.reason()).isEqualTo(SkipReason.MISSING_EVENT_NAME));
    assertThatThrownBy(() -> PosthogNormalizer.normalize(json("{\"event\":\"a\"}"), RECEIVED, null))
        .isInstanceOfSatisfying(EventRejectedException.class, e -> assertThat(e.reason()).isEqualTo(SkipReason.MISSING_USER));
    assertThatThrownBy(() -> PosthogNormalizer.normalize(json("{\"event\":\"a\",\"distinct_id\":\"u\",\"timestamp\":\"soon\"}"), RECEIVED, null))
        .isInstanceOfSatisfying(EventRejectedException.class, e -> assertThat(e.reason()).isEqualTo(SkipReason.BAD_TIMESTAMP));
  }

  @Test
  void withoutUuidTheIdIsDerivedFromTheContent() {
    String text = "{\"event\":\"a\",\"distinct_id\":\"u\",\"timestamp\":\"2026-03-10T11:00:00Z\"}";
    String id = PosthogNormalizer.normalize(json(text), RECEIVED, null).messageId();
    assertThat(id).startsWith("ph-");
    assertThat(PosthogNormalizer.normalize(json(text), RECEIVED.plusSeconds(9), null).messageId()).isEqualTo(id);
  }
}
