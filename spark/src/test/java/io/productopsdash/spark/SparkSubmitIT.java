package io.productopsdash.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.events.ImportFormat;
import io.productopsdash.engine.rollup.RollupFixture;
import io.productopsdash.models.WeekId;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/productopsdash-spark.jar} submitted as {@code spark-submit} does it ({@code
 * org.apache.spark.deploy.SparkSubmit --class io.productopsdash.spark.RollupJob JAR ...}) in a
 * JVM of its own whose class path holds Spark's jars but none of this project's classes, Gson or
 * Commons Math: the jar carries what it needs, and its reports equal the embedded engine's.
 */
class SparkSubmitIT {
  @TempDir Path dir;

  private static List<String> sparkOnlyClassPath() {
    List<String> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      boolean ours = entry.contains("productopsdash") || entry.endsWith("classes") || entry.contains("/gson/")
          || entry.contains("commons-math3");
      if (!ours) {
        out.add(entry);
      }
    }
    return out;
  }

  private static Process submit(Path dir, String... jobArgs) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    // A short run: the quick JIT compiler only, as the test JVM (see the pom).
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(Arrays.asList(System.getProperty("spark.test.jvm.options", "").split(" ")));
    command.addAll(List.of("-cp", String.join(File.pathSeparator, sparkOnlyClassPath()), "org.apache.spark.deploy.SparkSubmit",
        "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=4",
        "--class", "io.productopsdash.spark.RollupJob", Path.of("target/productopsdash-spark.jar").toAbsolutePath().toString()));
    command.addAll(List.of(jobArgs));
    command.removeIf(String::isBlank);
    return new ProcessBuilder(command)
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
  }

  @Test
  void theJarRunsUnderSparkSubmitAndWritesTheSameReports() throws Exception {
    assertThat(Path.of("target/productopsdash-spark.jar")).exists();
    Path in = dir.resolve("in");
    JobRuns.writeLines(in.resolve("d/events.json.gz"), RollupFixture.calls().stream().map(c -> c.replace('\'', '"')).toList());
    Path config = JobRuns.writeConfig(dir.resolve("metrics.json"), RollupFixture.CONFIG);
    Path out = dir.resolve("submitted");
    Process p = submit(dir, "--events", in.toString(), "--config", config.toString(), "--from", "2026-W05", "--to", "2026-W12",
        "--as-of", RollupFixture.AS_OF.toString(), "--out", out.toString());
    assertThat(p.waitFor(4, TimeUnit.MINUTES)).isTrue();
    String stdout = Files.readString(dir.resolve("stdout.txt"));
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    assertThat(stdout).contains("lines: read=129 events=129 duplicates=1 skipped=0").contains("wrote acquisition.json, onboarding.json, usage.json");

    // The embedded engine over the same file gives the same numbers.
    try (EmbeddedRollups embedded =
        new EmbeddedRollups(dir.resolve("embedded"), List.of(in.resolve("d/events.json.gz")), ImportFormat.SEGMENT,
            RollupFixture.CONFIG, WeekId.parse("2026-W05"), WeekId.parse("2026-W12"), RollupFixture.AS_OF)) {
      ReportComparison c = SparkRollupIT.compare(embedded, out, 0, SparkRollupIT.CSAT, null);
      assertThat(c.differences).isEmpty();
      assertThat(c.compared).isGreaterThan(500);
    }
  }

  @Test
  void badOptionsEndWithOneLineAndExitCodeTwo() throws Exception {
    Process p = submit(dir, "--events", dir.resolve("nowhere").toString(), "--config", "m.json", "--from", "2026-W13", "--to",
        "2026-W01", "--out", dir.resolve("out").toString());
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    List<String> lines = Files.readAllLines(dir.resolve("stderr.txt"));
    assertThat(lines.get(lines.size() - 1)).isEqualTo("error: --from: 2026-W13 is after --to 2026-W01 (weeks out of order)");
  }
}
