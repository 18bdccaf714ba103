package io.productopsdash.server.cli;

import io.productopsdash.data.Database;
import io.productopsdash.data.events.MetricsConfigRepository;
import io.productopsdash.engine.request.manage.FeatureRequests;
import io.productopsdash.engine.request.manage.RequestSort;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.models.ConflictException;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.RequestStatus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code productopsdash requests}: the feature requests of a data folder, as the dashboard shows
 * and manages them ({@link FeatureRequests}): list (or export as CSV), show one, export its
 * requesters, merge, split, rename, set a status with a note, set a link. Works on the SQLite file
 * beside a running server (writes go through SQLite's locking). Exit code 0 on success, 1 for a
 * conflict or an unknown request, 2 for bad options or a missing database.
 */
@Command(
    name = "requests",
    mixinStandardHelpOptions = true,
    description = "List and manage the feature requests of the data folder.",
    subcommands = {
      RequestsCommand.ListRequests.class, RequestsCommand.Show.class, RequestsCommand.Requesters.class,
      RequestsCommand.Merge.class, RequestsCommand.Split.class, RequestsCommand.Rename.class,
      RequestsCommand.Status.class, RequestsCommand.Link.class
    })
public final class RequestsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every subcommand has, and running it against the folder's database. */
  abstract static class Sub implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataDirOptions dataDir;

    @Option(names = "--by", description = "Who makes the change, recorded with it (default: your user name).")
    String by;

    abstract String work(FeatureRequests requests, SurveyService surveys);

    String actor() {
      return by != null ? by : System.getProperty("user.name", "cli");
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path dir = dataDir.existing(System.getenv(), Path.of("productopsdash-data"), err);
      if (!Files.isRegularFile(dir.resolve(Database.FILE_NAME))) {
        err.println("No ProductOpsDash database in " + dir.toAbsolutePath() + " (use --data DIR; demo prints the folder it made)");
        return 2;
      }
      try (Database db = Database.open(dir)) {
        MetricsConfig config =
            db.read(c -> new MetricsConfigRepository().find(c)).orElse(MetricsConfig.segmentSpec(ZoneOffset.UTC));
        FeatureRequests requests = new FeatureRequests(db, Clock.systemUTC(), config.zone(), config::segmentTrait);
        out.print(work(requests, new SurveyService(db, Clock.systemUTC())));
        out.flush();
        return 0;
      } catch (InvalidInputException e) {
        err.println(e.field() + ": " + e.rule());
        return 2;
      } catch (NotFoundException | ConflictException e) {
        err.println(e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The requests of a survey, one per line (or CSV).")
  static final class ListRequests extends Sub {
    @Option(names = "--survey", required = true, description = "Survey id.")
    long survey;

    @Option(names = "--sort", defaultValue = "requesters", description = "requesters, reach, trend or recent.")
    String sort;

    @Option(names = "--week", description = "Reference week of reach and trend (default: the latest asked).")
    String week;

    @Option(names = "--csv", description = "Print CSV instead of a table.")
    boolean csv;

    @Override
    String work(FeatureRequests requests, SurveyService surveys) {
      Survey s = surveys.get(survey);
      FeatureRequests.Listing listing =
          requests.list(s.seriesId(), week == null ? null : WeekId.parse(week, "week"), RequestSort.parse(sort, "sort"));
      if (csv) {
        return FeatureRequests.groupsCsv(listing);
      }
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%6s  %-44s %-12s %10s %7s %6s %6s%n",
          "id", "name", "status", "requesters", "reach", "trend", "score"));
      for (FeatureRequests.Summary r : listing.requests()) {
        b.append(String.format(Locale.ROOT, "%6d  %-44s %-12s %10d %6.1f%% %+6d %6s%n", r.id(),
            (r.parentId() == null ? "" : "  ") + cut(r.name(), r.parentId() == null ? 44 : 42), r.status(), r.requesters(),
            100 * r.reach(), r.trend(), r.meanScore() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.meanScore())));
      }
      return b.toString();
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "One request with its answers and history.")
  static final class Show extends Sub {
    @Parameters(index = "0", description = "Request id.")
    long id;

    @Override
    String work(FeatureRequests requests, SurveyService surveys) {
      FeatureRequests.Detail d = requests.get(id, null);
      FeatureRequests.Summary r = d.request();
      StringBuilder b = new StringBuilder();
      b.append(r.name()).append(" (#").append(r.id()).append(", ").append(r.status().replace('_', ' ')).append(")\n");
      b.append(String.format(Locale.ROOT, "%d requesters, %d answers, reach %.1f%% of %d %s (%s..%s), mean score %s, trend %+d%n",
          r.requesters(), r.answers(), 100 * d.reach().share(), d.reach().base(), d.reach().baseKind(), d.reach().from(),
          d.reach().to(), r.meanScore() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.meanScore()), r.trend()));
      if (r.link() != null) {
        b.append("link: ").append(r.link()).append('\n');
      }
      for (FeatureRequests.Summary child : d.children()) {
        b.append("  child #").append(child.id()).append(' ').append(child.name()).append(": ").append(child.requesters()).append(" requesters\n");
      }
      b.append("answers:\n");
      for (FeatureRequests.AnswerItem a : d.answers()) {
        b.append("  #").append(a.answerId()).append(' ').append(a.week()).append(" score ").append(a.score()).append(" user ")
            .append(a.userId()).append(": ").append(oneLine(a.comment())).append('\n');
      }
      b.append("history:\n");
      for (FeatureRequests.Event e : d.history()) {
        b.append("  ").append(e.at()).append(' ').append(e.actor()).append(' ').append(e.kind()).append(' ')
            .append(e.oldValue() == null ? "" : e.oldValue() + " -> ").append(e.newValue() == null ? "" : e.newValue())
            .append(e.note() == null ? "" : " (" + oneLine(e.note()) + ")").append('\n');
      }
      return b.toString();
    }
  }

  @Command(name = "requesters", mixinStandardHelpOptions = true, description = "The distinct requesters of a request as CSV.")
  static final class Requesters extends Sub {
    @Parameters(index = "0", description = "Request id.")
    long id;

    @Override
    String work(FeatureRequests requests, SurveyService surveys) {
      return FeatureRequests.requestersCsv(requests.get(id, null));
    }
  }

  @Command(name = "merge", mixinStandardHelpOptions = true, description = "Merge a request into another.")
  static final class Merge extends Sub {
    @Parameters(index = "0", description = "Request id to merge.")
    long id;

    @Option(names = "--into", required = true, description = "Request id to merge into.")
    long into;

    @Override
    String work(FeatureRequests requests, SurveyService surveys) {
      return done(requests.merge(id, into, actor()), "merged #" + id + " into");
    }
  }

  @Command(name = "split", mixinStandardHelpOptions = true, description = "Move answers of a request into a new one.")
  static final class Split extends Sub {
    @Parameters(index = "0", description = "Request id.")
    long id;

    @Option(names = "--answers", required = true, split = ",", description = "Answer ids to move, comma-separated.")
    List<Long> answers;

    @Option(names = "--name", description = "Name of the new request (default: after what the answers ask).")
    String name;

    @Override
    String work(FeatureRequests requests, SurveyService surveys) {
      return done(requests.split(id, answers, name, actor()), "created");
    }
  }

  @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a request (runs keep the name).")
  static final class Rename extends Sub {
    @Parameters(index = "0", description = "Request id.")
    long id;

    @Parameters(index = "1", description = "The new name.")
    String name;

    @Override
    String work(FeatureRequests requests, SurveyService surveys) {
      return done(requests.update(id, new FeatureRequests.Update(name, null, null, false, null), actor()), "renamed");
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Set a request's status, with a note.")
  static final class Status extends Sub {
    @Parameters(index = "0", description = "Request id.")
    long id;

    @Parameters(index = "1", description = "new, under_review, planned, in_progress, shipped or declined.")
    String status;

    @Option(names = "--note", description = "Why (at most 2,000 characters).")
    String note;

    @Override
    String work(FeatureRequests requests, SurveyService surveys) {
      RequestStatus s = RequestStatus.parse(status, "status");
      return done(requests.update(id, new FeatureRequests.Update(null, s, note, false, null), actor()), "status set");
    }
  }

  @Command(name = "link", mixinStandardHelpOptions = true, description = "Set (or clear with \"\") a request's external link.")
  static final class Link extends Sub {
    @Parameters(index = "0", description = "Request id.")
    long id;

    @Parameters(index = "1", description = "An http or https URL, or \"\" to clear.")
    String url;

    @Override
    String work(FeatureRequests requests, SurveyService surveys) {
      return done(requests.update(id, new FeatureRequests.Update(null, null, null, true, url), actor()), "link set");
    }
  }

  private static String done(FeatureRequests.Summary r, String what) {
    return what + ": #" + r.id() + " " + r.name() + " (" + r.status().replace('_', ' ') + ", " + r.requesters() + " requesters)\n";
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\p{Cntrl}+", " ");
  }
}
