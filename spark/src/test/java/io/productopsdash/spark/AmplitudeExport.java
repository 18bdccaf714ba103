package io.productopsdash.spark;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lines of an Amplitude export (one event a line, as the Export API's hourly files hold them) for
 * users of a wallet app in February 2026: devices before and after login ({@code device_id}
 * linked to {@code user_id}), {@code $identify} with {@code $set} plans, page views with paths and
 * URLs, signups with a source property or UTM user properties, deposits, tickets; times as
 * {@code event_time} text or epoch ms; dedupe ids as {@code insert_id} or {@code $insert_id}
 * (some sent twice); and two lines Amplitude would not export (no time, no event type).
 */
final class AmplitudeExport {
  private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
  private static final String[] TYPES = {"Wallet Opened", "Swap Executed", "Chain Added", "Balance Viewed"};
  private static final String[] PATHS = {"/", "/wallet", "/swap", "/chains", "/help"};

  private AmplitudeExport() {}

  static List<String> lines(int users, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    long start = Instant.parse("2026-02-02T00:00:00Z").toEpochMilli();
    int id = 0;
    for (int u = 0; u < users; u++) {
      String device = "dev-" + u;
      String user = random.nextInt(5) == 0 ? null : "amp-" + u;
      long t = start + (long) (random.nextDouble() * 30 * 86_400_000L);
      int events = 1 + random.nextInt(12);
      for (int i = 0; i < events; i++) {
        String userField = user != null && i > 0 ? ",\"user_id\":\"" + user + "\"" : "";
        String time = random.nextBoolean() ? ",\"time\":" + t : ",\"event_time\":\"" + EVENT_TIME.format(Instant.ofEpochMilli(t)) + "\"";
        String insert = random.nextBoolean() ? ",\"insert_id\":\"i" + id + "\"" : ",\"$insert_id\":\"i" + id + "\"";
        id++;
        String line;
        if (i == 1 && user != null) {
          String props = random.nextBoolean() ? "\"event_properties\":{\"source\":\"ads\"}" : "\"user_properties\":{\"utm_source\":\"newsletter\"}";
          line = "{\"event_type\":\"Signed Up\",\"device_id\":\"" + device + "\"" + userField + time + insert + "," + props + "}";
        } else if (i == 2 && user != null && random.nextBoolean()) {
          line = "{\"event_type\":\"$identify\",\"device_id\":\"" + device + "\"" + userField + time + insert
              + ",\"user_properties\":{\"$set\":{\"plan\":\"" + (random.nextBoolean() ? "pro" : "free") + "\"}}}";
        } else if (i == 3 && user != null && random.nextInt(3) > 0) {
          line = "{\"event_type\":\"Deposit Completed\",\"device_id\":\"" + device + "\"" + userField + time + insert + "}";
        } else if (random.nextInt(3) == 0) {
          String path = PATHS[random.nextInt(PATHS.length)];
          String where = random.nextBoolean() ? "\"[Amplitude] Page Path\":\"" + path + "\"" : "\"[Amplitude] Page URL\":\"https://app.example.com" + path + "?x=1\"";
          line = "{\"event_type\":\"[Amplitude] Page Viewed\",\"device_id\":\"" + device + "\"" + userField + time + insert
              + ",\"event_properties\":{" + where + "}}";
        } else if (random.nextInt(12) == 0) {
          line = "{\"event_type\":\"Support Ticket Created\",\"device_id\":\"" + device + "\"" + userField + time + insert + "}";
        } else {
          line = "{\"event_type\":\"" + TYPES[random.nextInt(TYPES.length)] + "\",\"device_id\":\"" + device + "\"" + userField + time + insert + "}";
        }
        out.add(line);
        if (random.nextInt(40) == 0) {
          out.add(line);
        }
        t += random.nextInt(4) == 0 ? 30 * 60_000L : 20_000 + random.nextInt(900_000);
      }
    }
    out.add("{\"event_type\":\"Wallet Opened\",\"device_id\":\"dev-x\",\"insert_id\":\"nt\"}");
    out.add("{\"device_id\":\"dev-y\",\"time\":" + start + ",\"insert_id\":\"ne\"}");
    return out;
  }
}
