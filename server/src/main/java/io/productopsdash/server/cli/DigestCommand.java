package io.productopsdash.server.cli;

import io.productopsdash.data.Database;
import io.productopsdash.data.DigestRepository;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import io.productopsdash.server.Workspace;
import io.productopsdash.server.digest.DigestSender;
import io.productopsdash.server.digest.DigestSettings;
import io.productopsdash.server.digest.Digests;
import io.productopsdash.server.digest.EmailAddresses;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code productopsdash digest}: sends (or, with {@code --dry-run}, prints) one week's digest of a
 * survey. Without {@code --to} it goes to the survey's subscribers, with it to that address only;
 * either way through the send log, so nobody gets the same week twice (also not from the server's
 * scheduler). Without SMTP settings the messages are written to {@code <data>/outbox}. {@code
 * --log} prints the send log instead, failures included.
 */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description = "Send, print (--dry-run) or list (--log) the weekly digest of a survey.")
public final class DigestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataDirOptions dataDir;

  @Mixin DigestOptions digest;

  @Option(names = "--survey", required = true, paramLabel = "ID", description = "Survey id.")
  long surveyId;

  @Option(names = "--week", paramLabel = "YYYY-Www", description = "ISO week of the digest (default: the last complete week).")
  String week;

  @Option(names = "--to", paramLabel = "ADDRESS", description = "Send to this address only instead of the subscribers.")
  String to;

  @Option(names = "--dry-run", description = "Print the plain-text part; send and write nothing.")
  boolean dryRun;

  @Option(names = "--log", description = "Print the send log of the survey (and --week) instead of sending.")
  boolean log;

  @Option(names = "--zone", description = "Time zone of ISO weeks (default: $PRODUCTOPSDASH_ZONE, the config file's zone, or UTC).")
  String zone;

  Clock clock = Clock.systemUTC();
  Map<String, String> env = System.getenv();
  DigestSender.Sleeper sleeper = Digests::sleep;

  /**
   * The port for links when no public URL is configured: the configured port ({@code
   * PRODUCTOPSDASH_PORT} or the config file's), else the port this data folder was last served on,
   * else 7070.
   */
  private int port(Properties file, Database db) {
    String configured = env.getOrDefault("PRODUCTOPSDASH_PORT", file.getProperty("port"));
    if (configured != null && !configured.isBlank()) {
      try {
        return Integer.parseInt(configured.strip());
      } catch (NumberFormatException e) {
        // not a port: fall through to the served one
      }
    }
    return Workspace.servedPort(db).orElse(7070);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = dataDir.existing(env, Path.of("productopsdash-data"), err);
    if (!Files.isRegularFile(dir.resolve(Database.FILE_NAME))) {
      err.println("No ProductOpsDash database in " + dir.toAbsolutePath() + " (use --data DIR; demo prints the folder it made)");
      return 2;
    }
    Properties file = dataDir.config(env, dir);
    ZoneId zoneId;
    String zoneText = zone != null ? zone : env.getOrDefault("PRODUCTOPSDASH_ZONE", file.getProperty("zone", "UTC"));
    try {
      zoneId = ZoneId.of(zoneText.isBlank() ? "UTC" : zoneText.strip());
    } catch (DateTimeException e) {
      err.println("--zone must be a time zone id such as Europe/Berlin or UTC, got '" + zoneText + "'");
      return 2;
    }
    DigestSettings settings = digest.resolve(env, file);
    try (Database db = Database.open(dir);
        Digests digests = new Digests(db, clock, zoneId, settings, dir, port(file, db), sleeper)) {
      Survey survey = new SurveyService(db, clock).get(surveyId);
      WeekId w = week == null ? WeekId.of(clock.instant(), zoneId).plusWeeks(-1) : WeekId.parse(week, "week");
      if (log) {
        return printLog(out, digests.sends(survey.seriesId(), week == null ? null : w));
      }
      if (dryRun) {
        out.print(digests.sender().render(survey, w).text());
        out.flush();
        return 0;
      }
      List<String> recipients = to != null ? List.of(EmailAddresses.parse(to, "to")) : digests.subscribers(survey);
      if (recipients.isEmpty()) {
        err.println("Survey " + survey.id() + " has no digest subscribers: pass --to ADDRESS or add some"
            + " (PUT /api/v1/surveys/" + survey.id() + "/digest-subscribers)");
        return 2;
      }
      out.println("Digest " + w + " of survey " + survey.id() + " via " + digests.sender().delivery().describe());
      out.flush();
      // One line per recipient as it is done: the progress of a long list.
      List<DigestSender.Outcome> outcomes =
          digests.sender().send(survey, w, recipients, clock.instant(), o -> {
            out.println("  " + describe(o));
            out.flush();
          });
      return outcomes.stream().allMatch(o -> o.status() == DigestRepository.Status.SENT) ? 0 : 1;
    } catch (InvalidInputException e) {
      err.println("--" + e.field() + ": " + e.rule());
      return 2;
    } catch (NotFoundException e) {
      err.println(e.getMessage());
      return 2;
    }
  }

  private static String describe(DigestSender.Outcome o) {
    if (o.sentNow()) {
      return "sent to " + o.recipient() + " (" + o.where() + ", Message-ID " + o.messageId() + ")";
    }
    return switch (o.status()) {
      case SENT -> "already sent to " + o.recipient() + " (Message-ID " + o.messageId() + "); not sent again";
      case SENDING -> "being sent to " + o.recipient() + " by another process";
      case FAILED -> "FAILED for " + o.recipient() + " after " + o.attempts() + " tries, retried later by the server: " + o.error();
      case REJECTED -> "REJECTED for " + o.recipient() + " by the SMTP server: " + o.error();
      case UNCERTAIN -> "UNCERTAIN for " + o.recipient() + ": " + o.error();
    };
  }

  private static int printLog(PrintWriter out, List<DigestRepository.Send> rows) {
    if (rows.isEmpty()) {
      out.println("No digests sent yet.");
    }
    for (DigestRepository.Send s : rows) {
      out.println(
          s.week() + "  " + s.recipient() + "  " + s.status().wire() + "  tries " + s.attempts()
              + (s.sentAt() != null ? "  sent " + s.sentAt() : "")
              + (s.messageId() != null ? "  " + s.messageId() : "")
              + (s.nextAttemptAt() != null && s.status() == DigestRepository.Status.FAILED ? "  next try " + s.nextAttemptAt() : "")
              + (s.lastError() != null && s.status() != DigestRepository.Status.SENT ? "  error: " + s.lastError() : ""));
    }
    out.flush();
    return 0;
  }
}
