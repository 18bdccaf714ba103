package io.productopsdash.engine.rollup;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.productopsdash.data.Database;
import io.productopsdash.data.RollupSnapshotRepository;
import io.productopsdash.definitions.json.ApiJson;
import io.productopsdash.definitions.metrics.MetricsConfigJson;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.AcquisitionReport;
import io.productopsdash.models.rollup.OnboardingReport;
import io.productopsdash.models.rollup.RollupSnapshot;
import io.productopsdash.models.rollup.SatisfactionReport;
import io.productopsdash.models.rollup.UsageReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rollup snapshots: the output folder of the Spark job ({@code io.productopsdash.spark.RollupJob})
 * checked and stored in the workspace ({@link #importFolder}), and found again for a range of
 * weeks ({@link #find}). A folder is imported whole or not at all: it needs the job's {@code
 * summary.json} (written last, so a folder with it is complete), the configuration in it must be
 * the workspace's, and every report it lists must be there, parse, and cover the summary's weeks.
 */
public final class RollupSnapshots {
  /** The report files a job writes; satisfaction per survey version. */
  private static final Pattern REPORT = Pattern.compile("(acquisition|onboarding|usage|satisfaction)(?:-(\\d+))?\\.json");
  private static final int MAX_FILE_BYTES = 64 << 20;

  private final Database db;
  private final Clock clock;
  private final RollupSnapshotRepository repository = new RollupSnapshotRepository();

  public RollupSnapshots(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** What an import stored. */
  public record Imported(RollupSnapshot snapshot, List<String> reports) {}

  /**
   * Checks the job's output folder against the workspace's configuration and stores it as a new
   * snapshot in one transaction.
   *
   * @throws InvalidInputException naming what is wrong: the folder, {@code summary.json}, a field
   *     of it, the configuration's differing fields, or a report
   */
  public Imported importFolder(Path folder, MetricsConfig workspaceConfig) {
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException("DIR", folder + " is not a folder");
    }
    Path summaryFile = folder.resolve("summary.json");
    if (!Files.isRegularFile(summaryFile)) {
      throw new InvalidInputException(
          "summary.json", "missing in " + folder + ": the job did not finish, or this is not a RollupJob output folder");
    }
    String summaryText = read(summaryFile);
    JsonObject summary = object(summaryText, "summary.json");
    WeekId from = week(summary, "from");
    WeekId to = week(summary, "to");
    Instant asOf = instant(summary, "asOf");
    JsonElement configJson = summary.get("config");
    if (configJson == null || !configJson.isJsonObject()) {
      throw new InvalidInputException("summary.json", "config is missing");
    }
    MetricsConfig jobConfig;
    try {
      jobConfig = MetricsConfigJson.read(configJson.toString());
    } catch (InvalidInputException e) {
      throw new InvalidInputException("config", "the job's configuration is not valid: " + e.getMessage());
    }
    String difference = differences(MetricsConfigJson.write(workspaceConfig), MetricsConfigJson.write(jobConfig));
    if (!difference.isEmpty()) {
      throw new InvalidInputException("config", "the job's configuration differs from the workspace's: " + difference);
    }
    long events = number(summary, "lines", "stored");
    List<RollupSnapshotRepository.Report> reports = new ArrayList<>();
    TreeSet<String> kinds = new TreeSet<>();
    JsonElement listed = summary.get("reports");
    if (listed == null || !listed.isJsonArray()) {
      throw new InvalidInputException("summary.json", "reports is missing");
    }
    for (JsonElement e : (JsonArray) listed) {
      String name = e.getAsString();
      Matcher m = REPORT.matcher(name);
      if (!m.matches() || (m.group(1).equals("satisfaction") != (m.group(2) != null))) {
        throw new InvalidInputException(name, "is not a report this version knows");
      }
      Path file = folder.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new InvalidInputException(name, "is listed in summary.json but missing in " + folder);
      }
      String body = read(file);
      check(name, m.group(1), body, from, to, asOf);
      kinds.add(m.group(1));
      reports.add(new RollupSnapshotRepository.Report(m.group(1), m.group(2) == null ? 0 : Long.parseLong(m.group(2)), body));
    }
    for (String needed : List.of("acquisition", "onboarding", "usage")) {
      if (!kinds.contains(needed)) {
        throw new InvalidInputException(needed + ".json", "missing: a snapshot needs acquisition, onboarding and usage");
      }
    }
    String source = "spark " + text(summary, "format") + " " + String.join(", ", strings(summary.get("events")));
    Instant now = clock.instant();
    long id =
        db.write(c -> repository.save(c, source, asOf, from, to, events, MetricsConfigJson.write(jobConfig), summaryText, now, reports));
    return new Imported(new RollupSnapshot(id, source, asOf, from, to, events, now), reports.stream().map(r -> r.report()
        + (r.surveyId() == 0 ? "" : " " + r.surveyId())).toList());
  }

  /**
   * The newest snapshot computed with {@code config} whose weeks overlap {@code from..to}, with
   * the JSON of its {@code report} ({@code surveyId} for satisfaction, else 0).
   */
  Optional<Found> find(MetricsConfig config, WeekId from, WeekId to, String report, long surveyId) {
    String configJson = MetricsConfigJson.write(config);
    return db.read(c -> {
      for (RollupSnapshotRepository.Stored s : repository.list(c)) {
        RollupSnapshot snap = s.snapshot();
        if (!s.config().equals(configJson) || snap.to().compareTo(from) < 0 || snap.from().compareTo(to) > 0) {
          continue;
        }
        Optional<String> body = repository.report(c, snap.id(), report, surveyId);
        if (body.isPresent()) {
          return Optional.of(new Found(snap, body.get()));
        }
      }
      return Optional.empty();
    });
  }

  /** A snapshot and one of its reports' JSON. */
  record Found(RollupSnapshot snapshot, String body) {}

  /** The fields in which two configurations' JSON differ, with both values; empty when equal. */
  static String differences(String workspace, String job) {
    JsonObject a = JsonParser.parseString(workspace).getAsJsonObject();
    JsonObject b = JsonParser.parseString(job).getAsJsonObject();
    TreeSet<String> fields = new TreeSet<>(a.keySet());
    fields.addAll(b.keySet());
    List<String> out = new ArrayList<>();
    for (String f : fields) {
      JsonElement x = a.get(f);
      JsonElement y = b.get(f);
      if (x == null ? y != null : !x.equals(y)) {
        out.add(f + " (workspace " + (x == null ? "unset" : x) + ", job " + (y == null ? "unset" : y) + ")");
      }
    }
    return String.join("; ", out);
  }

  private static void check(String name, String kind, String body, WeekId from, WeekId to, Instant asOf) {
    Object report;
    try {
      report =
          switch (kind) {
            case "acquisition" -> ApiJson.GSON.fromJson(body, AcquisitionReport.class);
            case "onboarding" -> ApiJson.GSON.fromJson(body, OnboardingReport.class);
            case "usage" -> ApiJson.GSON.fromJson(body, UsageReport.class);
            default -> ApiJson.GSON.fromJson(body, SatisfactionReport.class);
          };
    } catch (JsonParseException | IllegalArgumentException | DateTimeParseException e) {
      throw new InvalidInputException(name, "is not a " + kind + " report: " + e.getMessage());
    }
    if (report == null) {
      throw new InvalidInputException(name, "is empty");
    }
    WeekId rf;
    WeekId rt;
    Instant ra;
    if (report instanceof AcquisitionReport r) {
      rf = r.from();
      rt = r.to();
      ra = r.asOf();
    } else if (report instanceof OnboardingReport r) {
      rf = r.from();
      rt = r.to();
      ra = r.asOf();
    } else if (report instanceof UsageReport r) {
      rf = r.from();
      rt = r.to();
      ra = r.asOf();
    } else {
      SatisfactionReport r = (SatisfactionReport) report;
      rf = r.from();
      rt = r.to();
      ra = r.asOf();
    }
    if (!rf.equals(from) || !rt.equals(to) || !ra.equals(asOf)) {
      throw new InvalidInputException(
          name, "covers " + rf + ".." + rt + " as of " + ra + ", the summary " + from + ".." + to + " as of " + asOf);
    }
  }

  private static String read(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new InvalidInputException(file.getFileName().toString(), "is larger than " + MAX_FILE_BYTES + " bytes");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(file.getFileName().toString(), "cannot be read: " + e.getMessage());
    }
  }

  private static JsonObject object(String text, String name) {
    try {
      JsonElement e = JsonParser.parseString(text);
      if (e.isJsonObject()) {
        return e.getAsJsonObject();
      }
    } catch (JsonParseException e) {
      throw new InvalidInputException(name, "is not valid JSON: " + e.getMessage());
    }
    throw new InvalidInputException(name, "must be a JSON object");
  }

  private static String text(JsonObject o, String field) {
    JsonElement e = o.get(field);
    if (e == null || !e.isJsonPrimitive()) {
      throw new InvalidInputException("summary.json", field + " is missing");
    }
    return e.getAsString();
  }

  private static WeekId week(JsonObject o, String field) {
    try {
      return WeekId.parse(text(o, field), "summary.json " + field);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("summary.json", e.getMessage());
    }
  }

  private static Instant instant(JsonObject o, String field) {
    try {
      return Instant.parse(text(o, field));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("summary.json", field + " is not an instant: " + e.getMessage());
    }
  }

  private static long number(JsonObject o, String object, String field) {
    JsonElement parent = o.get(object);
    JsonElement e = parent != null && parent.isJsonObject() ? parent.getAsJsonObject().get(field) : null;
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new InvalidInputException("summary.json", object + "." + field + " is missing");
    }
    return e.getAsLong();
  }

  private static List<String> strings(JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e != null && e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
    }
    return out;
  }
}
