package io.productopsdash.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.engine.rollup.RollupFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input ends the job (as {@code main} runs it, on the local Spark) with exit code 2, one line
 * on standard error naming the problem, and no {@code summary.json}.
 */
class RollupJobBadInputIT {
  @TempDir Path dir;
  private Path config;
  private Path events;

  @BeforeEach
  void files() {
    config = JobRuns.writeConfig(dir.resolve("metrics.json"), RollupFixture.CONFIG);
    List<String> calls = new ArrayList<>();
    RollupFixture.calls().forEach(c -> calls.add(c.replace('\'', '"')));
    events = JobRuns.writeLines(dir.resolve("in/day/events.json"), calls).getParent().getParent();
  }

  /** Exit code and standard error of one run. */
  private record Run(int code, String err) {
    String line() {
      return err.strip();
    }
  }

  private Run run(String... args) {
    LocalSpark.get();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        RollupJob.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, err.toString(StandardCharsets.UTF_8));
  }

  private String[] args(String eventsPath, String configPath, String from, String to, Path out) {
    return new String[] {"--events", eventsPath, "--config", configPath, "--from", from, "--to", to, "--out", out.toString(),
        "--as-of", RollupFixture.AS_OF.toString()};
  }

  private void assertOneLine(Run r, String... parts) {
    assertThat(r.code()).isEqualTo(RollupJob.BAD_INPUT);
    assertThat(r.line()).doesNotContain("\n").startsWith("error: ").contains(parts);
  }

  @Test
  void aMissingInputPathIsNamed() {
    Path out = dir.resolve("out");
    Run r = run(args(dir.resolve("nowhere").toString(), config.toString(), "2026-W05", "2026-W12", out));
    assertOneLine(r, "--events", "nowhere", "no such file or folder");
    assertThat(out.resolve(JobSummary.FILE)).doesNotExist();
  }

  @Test
  void aConfigurationThatDoesNotParseIsNamedWithItsField() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"signupEvent\": \"Signed Up\",");
    assertOneLine(run(args(events.toString(), broken.toString(), "2026-W05", "2026-W12", dir.resolve("o1"))), "--config", "broken.json",
        "is not valid JSON");
    Path badArea = Files.writeString(
        dir.resolve("area.json"), "{\"signupEvent\":\"S\",\"firstTransactionEvents\":[\"T\"],\"zone\":\"Mars/Base\"}");
    assertOneLine(run(args(events.toString(), badArea.toString(), "2026-W05", "2026-W12", dir.resolve("o2"))), "--config", "zone",
        "Mars/Base");
    assertOneLine(run(args(events.toString(), dir.resolve("none.json").toString(), "2026-W05", "2026-W12", dir.resolve("o3"))),
        "--config", "no such file");
  }

  @Test
  void weeksOutOfOrderAndMalformedWeeksAreRefused() {
    assertOneLine(run(args(events.toString(), config.toString(), "2026-W12", "2026-W05", dir.resolve("o"))), "--from", "2026-W12",
        "after --to 2026-W05");
    assertOneLine(run(args(events.toString(), config.toString(), "2026-13", "2026-W05", dir.resolve("o"))), "--from", "2026-13");
    assertOneLine(run("--events", events.toString(), "--bogus", "x"), "--bogus", "not a known option");
  }

  @Test
  void anEmptyInputSaysWhatWasRead() {
    Path empty = JobRuns.writeLines(dir.resolve("empty/a.json"), List.of("", "   ", "[1]")).getParent();
    Path out = dir.resolve("out");
    assertOneLine(run(args(empty.toString(), config.toString(), "2026-W05", "2026-W12", out)), "no events", "3 lines read",
        "empty_line=2", "not_an_object=1");
    assertThat(out.resolve(JobSummary.FILE)).doesNotExist();
  }

  @Test
  void anOutputFolderWithFilesIsNotOverwritten() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("summary.json"), "{}");
    assertOneLine(run(args(events.toString(), config.toString(), "2026-W05", "2026-W12", out)), "--out", "not an empty folder");
    assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo("{}");
  }

  @Test
  void anAnswerOutsideItsScaleIsNamed() {
    Path answers = JobRuns.writeLines(
        dir.resolve("answers.jsonl"),
        List.of("{\"surveyId\":5,\"kind\":\"CSAT\",\"points\":7,\"topBox\":2,\"week\":\"2026-W06\",\"userId\":\"alice\",\"score\":9}"));
    Path out = dir.resolve("out");
    List<String> a = new ArrayList<>(List.of(args(events.toString(), config.toString(), "2026-W05", "2026-W12", out)));
    a.addAll(List.of("--answers", answers.toString()));
    assertOneLine(run(a.toArray(String[]::new)), "--answers", "Invalid score: 9", "1..7");
    assertThat(out.resolve(JobSummary.FILE)).doesNotExist();
  }
}
