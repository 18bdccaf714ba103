package io.productopsdash.server.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import io.productopsdash.server.ServerApp;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The redaction corpus benchmark (a command, not a test): run it with {@code
 * bench/redaction-bench.sh --corpus FILE.csv}. Every text of a CSV with the columns {@code
 * text,must_keep,must_remove} ({@code |}-separated exact substrings) is posted to the answer
 * endpoint of a real server over a fresh workspace, as the widget sends it; once the live indexer
 * has cleared names from all of them (the redaction report's {@code namesPending} is 0), the
 * stored comments are read from the SQLite file and every lost {@code must_keep} and surviving
 * {@code must_remove} substring is listed. The last line is {@code redaction: kept=K/N
 * removed=R/M}.
 *
 * <p>Options: {@code --corpus FILE} (required), {@code --glossary FILE} (one term per line, saved
 * with {@code PUT /api/v1/config/vocabulary} before posting), {@code --clients N} (parallel
 * posters, default 4), {@code --keep-data} (leave the workspace folder).
 */
public final class RedactionCorpusBench {
  private static final String TOKEN = "redaction-bench-token-" + Long.toHexString(System.nanoTime());

  private RedactionCorpusBench() {}

  record Row(int line, String text, List<String> keep, List<String> remove) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    if (!opts.containsKey("corpus")) {
      System.err.println("usage: redaction-bench.sh --corpus FILE.csv [--glossary FILE] [--clients N]");
      System.exit(2);
    }
    Path corpus = Path.of(opts.get("corpus"));
    List<Row> rows = read(corpus);
    int clients = Integer.parseInt(opts.getOrDefault("clients", "4"));
    Path data = Files.createTempDirectory("pod-redaction-bench");
    System.out.printf(Locale.ROOT, "Redaction corpus %s: %d texts, %d must_keep, %d must_remove%n",
        corpus, rows.size(), rows.stream().mapToInt(r -> r.keep().size()).sum(),
        rows.stream().mapToInt(r -> r.remove().size()).sum());
    long started = System.nanoTime();
    Map<String, String> stored;
    try (Workspace workspace =
        Workspace.open(new ServerConfig(0, data, TOKEN, ZoneOffset.UTC, List.of()), Clock.systemUTC())) {
      Javalin app = ServerApp.create(workspace.deps()).start("127.0.0.1", 0);
      try {
        String base = "http://127.0.0.1:" + app.port();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long survey = createSurvey(http, base);
        if (opts.containsKey("glossary")) {
          saveGlossary(http, base, Path.of(opts.get("glossary")));
        }
        post(http, base, survey, rows, clients);
        System.out.printf(Locale.ROOT, "posted %d answers in %.1f s; waiting for name clearing...%n",
            rows.size(), (System.nanoTime() - started) / 1e9);
        awaitNamesCleared(http, base, survey);
        System.out.printf(Locale.ROOT, "names cleared after %.1f s%n", (System.nanoTime() - started) / 1e9);
      } finally {
        app.stop();
      }
      stored = readStored(data.resolve("productopsdash.db"));
    } finally {
      if (!opts.containsKey("keep-data")) {
        deleteTree(data);
      }
    }
    report(rows, stored);
  }

  private static long createSurvey(HttpClient http, String base) throws Exception {
    HttpResponse<String> r =
        send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/surveys"))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"Redaction bench\",\"question\":\"How satisfied are you?\",\"sampleRate\":1,"
                    + "\"openQuestion\":\"How can we make it better?\"}")));
    expect(r, 201);
    return JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsLong();
  }

  private static void saveGlossary(HttpClient http, String base, Path file) throws Exception {
    JsonArray terms = new JsonArray();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        terms.add(line.strip());
      }
    }
    JsonObject body = new JsonObject();
    body.add("terms", terms);
    expect(send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/config/vocabulary"))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))), 200);
    System.out.printf(Locale.ROOT, "glossary: %d terms from %s%n", terms.size(), file);
  }

  /** Posts each row as the widget does: its own responseId and user, a score, the comment. */
  private static void post(HttpClient http, String base, long survey, List<Row> rows, int clients)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Row row : rows) {
        done.add(pool.submit(() -> {
          JsonObject body = new JsonObject();
          body.addProperty("responseId", "bench-" + row.line());
          body.addProperty("userId", "user-" + row.line());
          body.addProperty("score", 1 + row.line() % 7);
          body.addProperty("comment", row.text());
          HttpResponse<String> r =
              send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/surveys/" + survey + "/answers"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
          expect(r, 201);
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Polls the redaction report until no commented answer waits for name clearing. */
  private static void awaitNamesCleared(HttpClient http, String base, long survey) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (true) {
      HttpResponse<String> r =
          send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/redactions/summary?surveyId=" + survey))
              .header("Authorization", "Bearer " + TOKEN)
              .GET());
      expect(r, 200);
      long pending = 0;
      for (JsonElement w : JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("weeks")) {
        pending += w.getAsJsonObject().get("namesPending").getAsLong();
      }
      if (pending == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(pending + " answers still wait for name clearing after 10 minutes");
      }
      Thread.sleep(250);
    }
  }

  private static Map<String, String> readStored(Path db) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        PreparedStatement ps = c.prepareStatement("SELECT response_id, comment FROM answers");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  private static void report(List<Row> rows, Map<String, String> stored) {
    int keep = 0;
    int kept = 0;
    int remove = 0;
    int removed = 0;
    int names = 0;
    int namesRemoved = 0;
    List<String> lost = new ArrayList<>();
    List<String> surviving = new ArrayList<>();
    for (Row row : rows) {
      String text = stored.get("bench-" + row.line());
      if (text == null) {
        throw new IllegalStateException("Answer of line " + row.line() + " was not stored");
      }
      for (String k : row.keep()) {
        keep++;
        if (text.contains(k)) {
          kept++;
        } else {
          lost.add(String.format(Locale.ROOT, "  line %d lost \"%s\": %s", row.line(), k, text));
        }
      }
      for (String m : row.remove()) {
        remove++;
        boolean name = isName(m);
        names += name ? 1 : 0;
        if (!text.contains(m)) {
          removed++;
          namesRemoved += name ? 1 : 0;
        } else {
          surviving.add(String.format(Locale.ROOT, "  line %d kept \"%s\": %s", row.line(), m, text));
        }
      }
    }
    System.out.printf(Locale.ROOT, "lost must_keep substrings (%d):%n", lost.size());
    lost.forEach(System.out::println);
    System.out.printf(Locale.ROOT, "surviving must_remove substrings (%d):%n", surviving.size());
    surviving.forEach(System.out::println);
    System.out.printf(Locale.ROOT, "kept %.2f%% of product words; removed %d/%d person names (letters only)"
            + " and %d/%d other secrets%n",
        keep == 0 ? 100.0 : 100.0 * kept / keep, namesRemoved, names, removed - namesRemoved, remove - names);
    System.out.printf(Locale.ROOT, "redaction: kept=%d/%d removed=%d/%d%n", kept, keep, removed, remove);
  }

  /** A must_remove substring of letters, spaces, hyphens, apostrophes and dots is a person's name. */
  static boolean isName(String s) {
    return s.chars().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '-' || c == '\'' || c == '.');
  }

  static List<Row> read(Path csv) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      int line = 0;
      for (CSVRecord record : format.parse(in)) {
        line++;
        rows.add(new Row(line, record.get("text"), split(record.get("must_keep")), split(record.get("must_remove"))));
      }
    }
    return rows;
  }

  private static List<String> split(String cell) {
    List<String> out = new ArrayList<>();
    for (String s : cell.split("\\|")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(HttpResponse<String> r, int status) {
    if (r.statusCode() != status) {
      throw new IllegalStateException("Expected " + status + " but got " + r.statusCode() + ": " + r.body());
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String key = args[i].replaceFirst("^--", "");
      if (key.equals("keep-data")) {
        opts.put(key, "true");
      } else if (i + 1 < args.length) {
        opts.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException("Missing value for " + args[i]);
      }
    }
    return opts;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
