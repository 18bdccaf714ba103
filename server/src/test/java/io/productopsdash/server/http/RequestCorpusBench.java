package io.productopsdash.server.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.productopsdash.engine.request.RequestCorpusScore;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code bench/request-corpus.sh CORPUS.csv}: a labelled corpus ({@code text,group}; group {@code
 * none} for a non-request, {@code a;b} for two asks) through the real pipeline: a fresh workspace,
 * one survey, every row posted through the widget's answers endpoint by its own user, one theme run
 * of the week, then the groups read back from the feature-requests API (top-level groups: a
 * family's members count as the family). Prints detection precision and recall, groups per ask,
 * split asks, mixing groups, ARI and duplicate names, the split and mixed ones by name, and ends
 * with the line {@link RequestCorpusScore#line()}.
 */
public final class RequestCorpusBench {
  private RequestCorpusBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: bench/request-corpus.sh CORPUS.csv   (columns text,group)");
      System.exit(2);
    }
    List<String[]> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        rows.add(new String[] {rec.get("text"), rec.get("group")});
      }
    }
    Path data = Files.createTempDirectory("pod-request-corpus");
    long start = System.nanoTime();
    try (ApiTestServer server = ApiTestServer.start(data)) {
      String survey =
          "{\"name\":\"Corpus\",\"question\":\"How satisfied are you?\",\"sampleRate\":1,"
              + "\"openQuestion\":\"How can we make it better?\"}";
      long surveyId = server.admin("POST", "/api/v1/surveys", survey).json().get("id").getAsLong();
      Map<Long, Integer> rowOfAnswer = new HashMap<>();
      for (int i = 0; i < rows.size(); i++) {
        JsonObject answer = new JsonObject();
        answer.addProperty("responseId", "corpus-" + i);
        answer.addProperty("userId", "corpus-user-" + i);
        answer.addProperty("score", 1 + (i * 7919) % 7);
        answer.addProperty("comment", rows.get(i)[0]);
        ApiTestServer.Reply reply = server.send("POST", "/api/v1/surveys/" + surveyId + "/answers", answer.toString(), null);
        if (reply.status() != 201) {
          throw new IllegalStateException("Row " + (i + 2) + " was refused: " + reply);
        }
        rowOfAnswer.put(reply.json().get("id").getAsLong(), i);
      }
      long posted = System.nanoTime();
      ApiTestServer.Reply run =
          server.adminWithin(
              java.time.Duration.ofMinutes(20), "POST", "/api/v1/themes/run?surveyId=" + surveyId + "&week=" + ApiTestServer.START_WEEK,
              null);
      if (run.status() != 200) {
        throw new IllegalStateException("The theme run failed: " + run);
      }
      long ran = System.nanoTime();
      JsonObject list = server.admin("GET", "/api/v1/feature-requests?surveyId=" + surveyId, null).json();
      Map<Long, Long> parentOf = new HashMap<>();
      Map<Long, String> names = new LinkedHashMap<>();
      for (JsonElement e : list.getAsJsonArray("featureRequests")) {
        JsonObject g = e.getAsJsonObject();
        long id = g.get("id").getAsLong();
        names.put(id, g.get("name").getAsString());
        if (g.has("parentId") && !g.get("parentId").isJsonNull()) {
          parentOf.put(id, g.get("parentId").getAsLong());
        }
      }
      Map<Integer, List<Long>> groupsOfRow = new TreeMap<>();
      for (long id : names.keySet()) {
        JsonObject detail = server.admin("GET", "/api/v1/feature-requests/" + id, null).json();
        for (JsonElement a : detail.getAsJsonArray("answers")) {
          JsonObject answer = a.getAsJsonObject();
          if (answer.get("requestId").getAsLong() != id) {
            continue;
          }
          long top = id;
          while (parentOf.containsKey(top) && names.containsKey(parentOf.get(top))) {
            top = parentOf.get(top);
          }
          List<Long> groups = groupsOfRow.computeIfAbsent(rowOfAnswer.get(answer.get("answerId").getAsLong()), k -> new ArrayList<>());
          if (!groups.contains(top)) {
            groups.add(top);
          }
        }
      }
      List<RequestCorpusScore.Row> scored = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        scored.add(new RequestCorpusScore.Row(RequestCorpusScore.labels(rows.get(i)[1]), groupsOfRow.getOrDefault(i, List.of())));
      }
      Map<Long, String> topNames = new LinkedHashMap<>();
      names.forEach((id, name) -> {
        if (!parentOf.containsKey(id)) {
          topNames.put(id, name);
        }
      });
      RequestCorpusScore s = RequestCorpusScore.of(scored, names);
      System.out.printf(Locale.ROOT, "corpus %s: %d rows, %d labelled requests, %d asks%n", args[0], rows.size(),
          s.truePositives() + s.falseNegatives(), s.asks());
      System.out.printf(Locale.ROOT, "posted in %.1f s, theme run %.1f s%n", (posted - start) / 1e9, (ran - posted) / 1e9);
      System.out.printf(Locale.ROOT, "detection: precision %.3f (%d of %d detected), recall %.3f (%d of %d requests)%n",
          s.precision(), s.truePositives(), s.truePositives() + s.falsePositives(), s.recall(), s.truePositives(),
          s.truePositives() + s.falseNegatives());
      System.out.printf(Locale.ROOT, "grouping: %d top-level groups for %d asks (%.2f per ask), %d groups in all, %d asks split,"
          + " %d groups mixing asks, ARI %.3f, %d duplicate names%n", s.groups(), s.asks(), s.groups() / (double) s.asks(),
          names.size(), s.split(), s.mixed(), s.ari(), s.duplicateNames());
      s.splitAsks().forEach((ask, groups) -> System.out.println("  split " + ask + ": " + named(groups, names)));
      s.mixedGroups().forEach((g, asks) -> System.out.println("  mixed \"" + names.get(g) + "\": " + asks));
      System.out.println("names:");
      topNames.forEach((id, name) -> System.out.println("  " + name + children(id, parentOf, names)));
      for (int i = 0; i < rows.size(); i++) {
        boolean labelled = !RequestCorpusScore.labels(rows.get(i)[1]).isEmpty();
        boolean detected = groupsOfRow.containsKey(i);
        if (labelled != detected) {
          System.out.println("  " + (labelled ? "missed" : "false hit") + ": " + rows.get(i)[0]);
        }
      }
      System.out.println(s.line());
    }
    System.exit(0);
  }

  private static String named(Map<Long, Integer> groups, Map<Long, String> names) {
    StringBuilder b = new StringBuilder();
    groups.forEach((g, n) -> b.append(b.length() == 0 ? "" : ", ").append('"').append(names.get(g)).append("\" ").append(n));
    return b.toString();
  }

  private static String children(long id, Map<Long, Long> parentOf, Map<Long, String> names) {
    List<String> kids = new ArrayList<>();
    parentOf.forEach((child, parent) -> {
      if (parent == id) {
        kids.add(names.get(child));
      }
    });
    return kids.isEmpty() ? "" : " > " + String.join(", ", kids);
  }
}
