package io.productopsdash.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.server.MetricsFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code productopsdash rollup} on {@link MetricsFixture}'s data folder: tables and errors. */
class RollupCommandIT {
  @TempDir Path dataDir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new ProductOpsDashCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  private int rollup(String kind, String... more) {
    String[] base = {
      "rollup", kind, "--data", dataDir.toString(), "--from", "2026-W46", "--to", "2026-W47", "--as-of",
      "2026-11-18T10:00:00Z", "--zone", "Europe/Berlin"
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return run(args);
  }

  @Test
  void acquisitionTable() {
    MetricsFixture.store(dataDir);
    assertThat(rollup("acquisition")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Signups per ISO week, 2026-W46 to 2026-W47, as of 2026-11-18T10:00:00Z")
        // The week of the as-of instant has not ended: partial.
        .contains("week                signups\n2026-W46                  0\n2026-W47 (partial)        2\n")
        .contains("week      source      users\n2026-W47  ads             1\n2026-W47  newsletter      1\n")
        .contains("week      segment  users\n2026-W47  (none)       1\n2026-W47  pro          1\n");
  }

  @Test
  void onboardingTable() {
    MetricsFixture.store(dataDir);
    assertThat(rollup("onboarding")).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text).contains("conversion window 30 days");
    // Cohort W47: 2 users, 1 converted (50.0%) after 40 minutes, no tickets, 1 in progress; both
    // cohorts' 30-day windows are still open on 2026-11-18.
    assertThat(text.lines().filter(l -> l.startsWith("2026-W47")).findFirst().orElseThrow().split("\\s+"))
        .containsExactly("2026-W47", "(in", "progress)", "2", "1", "50.0", "40.0", "min", "40.0", "min", "40.0", "min", "1.0",
            "2.0", "0.0", "0.0", "0.0", "0", "1", "0");
    assertThat(text.lines().filter(l -> l.startsWith("2026-W46")).findFirst().orElseThrow().split("\\s+"))
        .containsExactly("2026-W46", "(in", "progress)", "0", "0", "-", "-", "-", "-", "-", "-", "-", "-", "-", "0", "0", "0");
  }

  @Test
  void usageTable() {
    MetricsFixture.store(dataDir);
    assertThat(rollup("usage")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("2026-W47 (partial week): 2 active users, 3 sessions, 4 events; per user: sessions median 1.5 mean 1.5")
        .contains("kind   feature/page       events  users  sessions  session time\n")
        .contains("event  Signed Up               2      2         2      10.0 min\n")
        .contains("Atomic swap      1      50.0          1.0        1.0  1    0   0\n");
  }

  @Test
  void errorsAreReportedWithExitCode2() {
    assertThat(rollup("usage")).isEqualTo(2);
    assertThat(err.toString()).contains("No ProductOpsDash database");
    MetricsFixture.store(dataDir);
    assertThat(rollup("retention")).isEqualTo(2);
    assertThat(err.toString()).contains("acquisition, onboarding or usage");
    assertThat(run("rollup", "usage", "--data", dataDir.toString(), "--from", "2026-W50", "--to", "2026-W47")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid from: must not be after to");
    assertThat(run("rollup", "usage", "--data", dataDir.toString(), "--as-of", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid as-of");
  }
}
