import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes N Segment events as JSON lines and, for sqlite3's own {@code .import}, the same rows as
 * CSV in the shape of the {@code events} table (id, message_id, type, name, user_id, anonymous_id,
 * ts, received_at, path, properties, traits, context). Deterministic for a given seed.
 *
 * <p>Run as a single-file program: {@code java bench/GenerateEvents.java N SEED OUT.jsonl OUT.csv}.
 */
public final class GenerateEvents {
  private static final String[] EVENTS = {
    "Wallet Opened", "Balance Viewed", "Swap Started", "Swap Completed", "Chain Switched", "Deposit Started",
    "Deposit Completed", "Send Started", "Send Completed", "Settings Changed", "Support Ticket Opened", "Signed Up"
  };
  private static final String[] CHAINS = {"ethereum", "bitcoin", "solana", "polygon", "arbitrum", "base"};
  private static final String[] PAGES = {"/", "/wallet", "/swap", "/send", "/deposit", "/settings", "/chains", "/help"};
  private static final String[] SOURCES = {"google", "twitter", "newsletter", "reddit", "partner"};
  private static final String[] PLANS = {"free", "plus", "pro"};
  private static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
  private static final long SPAN = 12L * 7 * 24 * 3600 * 1000;
  private static final long RECEIVED_AT = Instant.parse("2026-04-01T00:00:00Z").toEpochMilli();

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: java GenerateEvents.java N SEED OUT.jsonl OUT.csv");
      System.exit(2);
    }
    long n = Long.parseLong(args[0]);
    SplittableRandom random = new SplittableRandom(Long.parseLong(args[1]));
    try (BufferedWriter json = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8);
        BufferedWriter csv = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
      csv.write("id,message_id,type,name,user_id,anonymous_id,ts,received_at,path,properties,traits,context\n");
      StringBuilder j = new StringBuilder(512);
      StringBuilder c = new StringBuilder(512);
      for (long i = 1; i <= n; i++) {
        j.setLength(0);
        c.setLength(0);
        int user = random.nextInt(100_000);
        String userId = String.format("user-%06d", user);
        String anonymousId = String.format("anon-%06d-%d", user, random.nextInt(3));
        long ts = START + (SPAN * (i - 1)) / n + random.nextInt(60_000);
        String messageId = String.format("%016x-%08d", random.nextLong(), i);
        int kind = random.nextInt(100);
        String type;
        String name = null;
        String path = null;
        String properties;
        String traits = null;
        String context =
            "{\"library\":{\"name\":\"analytics-node\",\"version\":\"2.1.0\"},\"campaign\":{\"source\":\""
                + SOURCES[random.nextInt(SOURCES.length)] + "\"}}";
        boolean anonymousOnly = random.nextInt(100) < 5;
        if (kind < 75) {
          type = "track";
          name = EVENTS[random.nextInt(EVENTS.length)];
          properties =
              "{\"chain\":\"" + CHAINS[random.nextInt(CHAINS.length)] + "\",\"amount\":" + random.nextInt(10_000) / 100.0
                  + ",\"currency\":\"USD\"}";
        } else if (kind < 93) {
          type = "page";
          path = PAGES[random.nextInt(PAGES.length)];
          name = "Page " + path;
          properties = "{\"path\":\"" + path + "\",\"url\":\"https://wallet.example.com" + path + "\"}";
        } else {
          type = "identify";
          anonymousOnly = false;
          properties = null;
          traits = "{\"plan\":\"" + PLANS[random.nextInt(PLANS.length)] + "\",\"email\":\"" + userId + "@example.com\"}";
        }
        j.append("{\"messageId\":\"").append(messageId).append("\",\"type\":\"").append(type).append('"');
        if (name != null) {
          j.append(type.equals("track") ? ",\"event\":\"" : ",\"name\":\"").append(name).append('"');
        }
        if (!anonymousOnly) {
          j.append(",\"userId\":\"").append(userId).append('"');
        }
        boolean withAnonymous = anonymousOnly || type.equals("identify");
        if (withAnonymous) {
          j.append(",\"anonymousId\":\"").append(anonymousId).append('"');
        }
        j.append(",\"timestamp\":\"").append(Instant.ofEpochMilli(ts)).append('"');
        if (properties != null) {
          j.append(",\"properties\":").append(properties);
        }
        if (traits != null) {
          j.append(",\"traits\":").append(traits);
        }
        j.append(",\"context\":").append(context).append("}\n");
        json.append(j);

        c.append(i).append(',').append(messageId).append(',').append(type).append(',').append(name == null ? "" : name)
            .append(',').append(anonymousOnly ? "" : userId).append(',').append(withAnonymous ? anonymousId : "")
            .append(',').append(ts).append(',').append(RECEIVED_AT).append(',').append(path == null ? "" : path)
            .append(',').append(quote(properties)).append(',').append(quote(traits)).append(',').append(quote(context))
            .append('\n');
        csv.append(c);
      }
    }
  }

  private static String quote(String s) {
    return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
