package io.productopsdash.engine.redaction;

import io.productopsdash.data.Database;
import io.productopsdash.data.RedactionReportRepository;
import io.productopsdash.engine.text.redact.RedactionKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The redaction report per ISO week: for a survey's series, how many commented answers had
 * anything redacted and, per kind, how many answers and spans, plus how many comments still wait
 * for person-name clearing. A PM reads over-redaction from it (a sudden rise of {@code name}), the
 * values themselves are never stored.
 */
public final class RedactionReports {
  /**
   * One kind in one week.
   *
   * @param answers answers with at least one span of the kind
   * @param spans spans of the kind
   */
  public record KindCount(long answers, long spans) {}

  /**
   * One week.
   *
   * @param week the ISO week
   * @param commentedAnswers answers with a comment
   * @param redactedAnswers of those, answers with at least one redacted span
   * @param namesPending of those, answers not yet cleared of person names
   * @param kinds per kind label ("email", "name"...), kinds with nothing left out
   */
  public record Week(
      WeekId week,
      long commentedAnswers,
      long redactedAnswers,
      long namesPending,
      Map<String, KindCount> kinds) {}

  /**
   * The report.
   *
   * @param seriesId the survey series
   * @param from first week
   * @param to last week
   * @param kinds every kind label the report may show, in order
   * @param weeks weeks with commented answers, in order
   * @param totals spans per kind over the weeks
   */
  public record Summary(
      long seriesId, WeekId from, WeekId to, List<String> kinds, List<Week> weeks, Map<String, Long> totals) {}

  private final Database db;
  private final RedactionReportRepository repository = new RedactionReportRepository();

  public RedactionReports(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /** The report of {@code survey}'s series over weeks {@code from..to}. */
  public Summary summary(Survey survey, WeekId from, WeekId to) {
    long series = survey.seriesId();
    return db.read(
        c -> {
          List<RedactionReportRepository.WeekTotals> totals =
              repository.weekTotals(c, series, from.toString(), to.toString());
          Map<String, Map<String, KindCount>> byWeek = new LinkedHashMap<>();
          Map<String, Long> spans = new LinkedHashMap<>();
          for (RedactionKind k : RedactionKind.values()) {
            spans.put(k.label(), 0L);
          }
          for (RedactionReportRepository.WeekKind wk :
              repository.perWeekAndKind(c, series, from.toString(), to.toString())) {
            byWeek
                .computeIfAbsent(wk.week(), w -> new LinkedHashMap<>())
                .put(wk.kind(), new KindCount(wk.answers(), wk.spans()));
            spans.merge(wk.kind(), wk.spans(), Long::sum);
          }
          List<Week> weeks = new ArrayList<>();
          for (RedactionReportRepository.WeekTotals t : totals) {
            weeks.add(
                new Week(
                    WeekId.parse(t.week(), "week"),
                    t.commented(),
                    t.redacted(),
                    t.namesPending(),
                    byWeek.getOrDefault(t.week(), Map.of())));
          }
          List<String> kinds = RedactionKind.labels();
          return new Summary(series, from, to, kinds, weeks, spans);
        });
  }
}
