package io.productopsdash.definitions.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.models.Event;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path gives exactly the general path's event, or declines. */
class SegmentLineScannerTest {
  private static final Instant RECEIVED = Instant.parse("2026-03-10T00:00:00Z");

  private static Event general(String line) {
    return SegmentNormalizer.normalizeSized(JsonLines.parseObject(line), null, RECEIVED, false);
  }

  private static void assertSame(String line) {
    Event fast = SegmentLineScanner.tryNormalize(line, RECEIVED);
    assertThat(fast).as("fast path takes %s", line).isNotNull();
    assertThat(fast).as("fast = general for %s", line).isEqualTo(general(line));
  }

  private static void assertDeclined(String line) {
    assertThat(SegmentLineScanner.tryNormalize(line, RECEIVED)).as("declines %s", line).isNull();
  }

  @Test
  void plainLinesGiveTheGeneralPathsEvent() {
    assertSame("{\"messageId\":\"m1\",\"type\":\"track\",\"event\":\"Swap\",\"userId\":\"u1\",\"timestamp\":\"2026-03-02T10:00:00.123Z\","
        + "\"properties\":{\"a\":1.5e3,\"b\":[true,false,null,{\"c\":\"d\"}],\"path\":\"/swap\"},\"context\":{\"page\":{\"path\":\"/other\"}}}");
    assertSame(" { \"messageId\" : \"m2\", \"type\":\"page\", \"anonymousId\":\"a1\", \"timestamp\":\"2026-03-02T10:00:00+02:00\","
        + " \"context\":{\"page\":{\"path\":\"/ctx\",\"title\":\"T\"},\"campaign\":{\"source\":\"g\"}}, \"extra\": [1, {\"x\" : \"\\u00e9\"}] } ");
    assertSame("{\"messageId\":\"m3\",\"type\":\"Identify\",\"userId\":\"u\",\"anonymousId\":\"\",\"originalTimestamp\":\"2026-03-02T10:00:00Z\","
        + "\"traits\":{\"plan\":\"pro\"},\"properties\":{},\"sentAt\":\"2026-03-02T10:00:01.5Z\",\"name\":null}");
    assertSame("{\"messageId\":\"m4\",\"type\":\"alias\",\"userId\":\"u\",\"previousId\":\"p\",\"timestamp\":\"2026-03-02T10:00:00.123456789Z\","
        + "\"properties\":{\"path\":\"   \"},\"context\":{\"page\":{\"path\":\"/p\"}}}");
    assertSame("{\"messageId\":\"m5\",\"type\":\"page\",\"userId\":\"ü-é-😀\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"properties\":{\"path\":null,\"q\":-0}}");
  }

  @Test
  void anythingUnusualIsLeftToTheGeneralPath() {
    List.of(
            "",
            "   ",
            "[1]",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"",
            "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"}",
            "{\"messageId\":\"m\",\"type\":\"buy\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"timestamp\":\"2026-03-02T10:00:00Z\"}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":1772445600000}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02 10:00:00\"}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-02-30T10:00:00Z\"}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"sentAt\":\"soon\"}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":7,\"timestamp\":\"2026-03-02T10:00:00Z\"}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\\n\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"properties\":{\"a\": 1}}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"properties\":{\"a\":1,\"a\":2}}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"properties\":{\"a\":\"\\\"q\\\"\"}}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"properties\":{\"path\":5}}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"properties\":[]}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"properties\":{\"a\":01}}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"x\":tru}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"} x",
            "{\"messageId\":\"m\",\"messageId\":\"n\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"}",
            "{\"messageId\":\"" + "m".repeat(300) + "\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"}",
            "{\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"" + "u".repeat(1100) + "\",\"timestamp\":\"2026-03-02T10:00:00Z\"}")
        .forEach(SegmentLineScannerTest::assertDeclined);
  }

  @Test
  void randomLinesAgreeWithTheGeneralPath() {
    SplittableRandom random = new SplittableRandom(19650218);
    String[] types = {"track", "page", "identify", "screen", "group", "alias", "Track"};
    int taken = 0;
    String[] values = {"\"x\"", "1", "-2.5e-3", "true", "null", "{}", "[]", "{\"k\":[1,\"v\"]}", "\"/p\"", "\" \""};
    for (int i = 0; i < 5000; i++) {
      StringBuilder b = new StringBuilder("{\"messageId\":\"r").append(i).append('"');
      b.append(",\"type\":\"").append(types[random.nextInt(types.length)]).append('"');
      if (random.nextBoolean()) {
        b.append(",\"event\":\"E").append(random.nextInt(3)).append('"');
      }
      if (random.nextBoolean()) {
        b.append(",\"name\":\"N\"");
      }
      if (random.nextInt(4) > 0) {
        b.append(",\"userId\":\"u").append(random.nextInt(9)).append('"');
      }
      if (random.nextBoolean()) {
        b.append(",\"anonymousId\":\"a").append(random.nextInt(9)).append('"');
      }
      b.append(",\"timestamp\":\"2026-0").append(1 + random.nextInt(9)).append("-1").append(random.nextInt(9)).append("T0")
          .append(random.nextInt(9)).append(":1").append(random.nextInt(9)).append(":2").append(random.nextInt(9));
      b.append(random.nextBoolean() ? ".5" : "").append(random.nextBoolean() ? "Z\"" : "-03:30\"");
      for (String obj : new String[] {"properties", "context", "traits"}) {
        if (random.nextBoolean()) {
          b.append(",\"").append(obj).append("\":{");
          int fields = random.nextInt(4);
          for (int f = 0; f < fields; f++) {
            String key = obj.equals("context") && random.nextInt(3) == 0 ? "page" : random.nextInt(3) == 0 ? "path" : "f" + f;
            b.append(f == 0 ? "" : ",").append('"').append(key).append("\":")
                .append(key.equals("page") ? "{\"path\":" + values[random.nextInt(values.length)] + "}" : values[random.nextInt(values.length)]);
          }
          b.append('}');
        }
      }
      b.append('}');
      String line = b.toString();
      Event fast = SegmentLineScanner.tryNormalize(line, RECEIVED);
      if (fast != null) {
        taken++;
        assertThat(fast).as(line).isEqualTo(general(line));
      }
    }
    assertThat(taken).as("lines the fast path took").isGreaterThan(1000);
  }
}
