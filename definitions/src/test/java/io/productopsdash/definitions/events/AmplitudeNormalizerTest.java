package io.productopsdash.definitions.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AmplitudeNormalizerTest {
  private static final Instant RECEIVED = Instant.parse("2026-03-10T00:00:00Z");

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  @Test
  void exportLineWithEventTimeInUtcAndUuid() {
    Event e =
        AmplitudeNormalizer.normalize(
            json(
                "{\"event_type\":\"Swap Completed\",\"user_id\":\"u1\",\"device_id\":\"d1\","
                    + "\"event_time\":\"2026-03-02 10:00:00.123456\",\"uuid\":\"5f0c-uuid\","
                    + "\"event_properties\":{\"chain\":\"base\"},\"user_properties\":{\"plan\":\"pro\",\"utm_source\":\"google\"},"
                    + "\"country\":\"Germany\",\"os_name\":\"ios\"}"),
            RECEIVED,
            false);
    assertThat(e.type()).isEqualTo(EventType.TRACK);
    assertThat(e.name()).isEqualTo("Swap Completed");
    assertThat(e.userId()).isEqualTo("u1");
    assertThat(e.anonymousId()).isEqualTo("d1");
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-03-02T10:00:00.123456Z"));
    assertThat(e.messageId()).isEqualTo("5f0c-uuid");
    assertThat(e.properties()).isEqualTo("{\"chain\":\"base\"}");
    assertThat(e.traits()).isEqualTo("{\"plan\":\"pro\",\"utm_source\":\"google\"}");
    assertThat(e.context()).contains("\"campaign\":{\"source\":\"google\"}").contains("\"country\":\"Germany\"");
  }

  @Test
  void insertIdWinsOverDollarInsertIdAndUuidAndTimeIsEpochMillis() {
    Event e =
        AmplitudeNormalizer.normalize(
            json("{\"event_type\":\"a\",\"device_id\":\"d1\",\"time\":1772445600000,\"insert_id\":\"i1\",\"$insert_id\":\"i2\",\"uuid\":\"i3\"}"),
            RECEIVED,
            true);
    assertThat(e.messageId()).isEqualTo("i1");
    assertThat(e.timestamp()).isEqualTo(Instant.ofEpochMilli(1772445600000L));
    assertThat(AmplitudeNormalizer.normalize(json("{\"event_type\":\"a\",\"device_id\":\"d\",\"time\":1,\"$insert_id\":\"i2\",\"uuid\":\"i3\"}"), RECEIVED, true).messageId())
        .isEqualTo("i2");
  }

  @Test
  void withoutAnyIdTheDerivedIdIsStable() {
    String line = "{\"event_type\":\"a\",\"device_id\":\"d1\",\"time\":1772445600000}";
    String first = AmplitudeNormalizer.normalize(json(line), RECEIVED, false).messageId();
    assertThat(first).startsWith("amp-");
    assertThat(AmplitudeNormalizer.normalize(json(line), RECEIVED.plusSeconds(5), false).messageId()).isEqualTo(first);
  }

  @Test
  void identifyTakesSetAndSetOnceAsTraits() {
    Event e =
        AmplitudeNormalizer.normalize(
            json(
                "{\"event_type\":\"$identify\",\"user_id\":\"u1\",\"device_id\":\"d1\",\"time\":1,"
                    + "\"user_properties\":{\"$set\":{\"plan\":\"pro\"},\"$setOnce\":{\"plan\":\"free\",\"first\":\"2026\"},\"$add\":{\"n\":1}}}"),
            RECEIVED,
            true);
    assertThat(e.type()).isEqualTo(EventType.IDENTIFY);
    assertThat(e.name()).isNull();
    assertThat(e.traits()).isEqualTo("{\"plan\":\"pro\",\"first\":\"2026\"}");
  }

  @Test
  void pageViewsArePageCallsWithThePath() {
    Event amplitudePage =
        AmplitudeNormalizer.normalize(
            json("{\"event_type\":\"[Amplitude] Page Viewed\",\"device_id\":\"d\",\"time\":1,\"event_properties\":{\"[Amplitude] Page Path\":\"/swap\",\"[Amplitude] Page Title\":\"Swap\"}}"),
            RECEIVED,
            true);
    assertThat(amplitudePage.type()).isEqualTo(EventType.PAGE);
    assertThat(amplitudePage.path()).isEqualTo("/swap");
    assertThat(amplitudePage.name()).isEqualTo("Swap");
    Event plain =
        AmplitudeNormalizer.normalize(
            json("{\"event_type\":\"Page Viewed\",\"device_id\":\"d\",\"time\":1,\"event_properties\":{\"page_url\":\"https://app.example.com/wallet/home?x=1\"}}"),
            RECEIVED,
            true);
    assertThat(plain.type()).isEqualTo(EventType.PAGE);
    assertThat(plain.path()).isEqualTo("/wallet/home");
  }

  @Test
  void rejectionsNameTheirReason() {
    assertThatThrownBy(() -> AmplitudeNormalizer.normalize(json("{\"user_id\":\"u\",\"time\":1}"), RECEIVED, true))
        .isInstanceOfSatisfying(EventRejectedException.class, e -> assertThat(e.reason()).isEqualTo(SkipReason.MISSING_EVENT_NAME));
    assertThatThrownBy(() -> AmplitudeNormalizer.normalize(json("{\"event_type\":\"a\",\"time\":1}"), RECEIVED, true))
        .isInstanceOfSatisfying(EventRejectedException.class, e -> assertThat(e.reason()).isEqualTo(SkipReason.MISSING_USER));
    assertThatThrownBy(() -> AmplitudeNormalizer.normalize(json("{\"event_type\":\"a\",\"user_id\":\"u\"}"), RECEIVED, false))
        .isInstanceOfSatisfying(EventRejectedException.class, e -> assertThat(e.reason()).isEqualTo(SkipReason.BAD_TIMESTAMP));
    assertThatThrownBy(() -> AmplitudeNormalizer.normalize(json("{\"event_type\":\"a\",\"user_id\":\"u\",\"event_time\":\"yesterday\"}"), RECEIVED, false))
        .isInstanceOfSatisfying(EventRejectedException.class, e -> assertThat(e.reason()).isEqualTo(SkipReason.BAD_TIMESTAMP));
    assertThatThrownBy(() -> AmplitudeNormalizer.normalize(json("{\"event_type\":\"a\",\"user_id\":\"u\",\"time\":1,\"event_properties\":[1]}"), RECEIVED, false))
        .isInstanceOfSatisfying(EventRejectedException.class, e -> assertThat(e.reason()).isEqualTo(SkipReason.BAD_FIELD));
    // Live events without a time happened when they were received.
    assertThat(AmplitudeNormalizer.normalize(json("{\"event_type\":\"a\",\"user_id\":\"u\"}"), RECEIVED, true).timestamp()).isEqualTo(RECEIVED);
  }
}
