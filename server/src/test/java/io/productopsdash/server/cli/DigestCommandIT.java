package io.productopsdash.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.Database;
import io.productopsdash.data.DigestRepository;
import io.productopsdash.server.digest.DigestFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code productopsdash digest} on the fixture's data folder, without SMTP (the outbox). */
class DigestCommandIT {
  @TempDir Path dataDir;
  private DigestFixture.Stored stored;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void store() {
    stored = DigestFixture.store(dataDir);
  }

  private int run(String... args) {
    DigestCommand command = new DigestCommand();
    command.clock = Clock.fixed(DigestFixture.MONDAY_W48, DigestFixture.ZONE);
    command.env = Map.of("PRODUCTOPSDASH_ZONE", "Europe/Berlin");
    command.sleeper = d -> {};
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  @Test
  void dryRunPrintsTheTextPartAndWritesNothing() {
    int code = run("--survey", Long.toString(stored.survey().id()), "--week", "2026-W47", "--dry-run", "--data", dataDir.toString(),
        "--public-url", "https://ops.example.com");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith("ProductOpsDash weekly digest: " + DigestFixture.SURVEY_NAME + "\n")
        .contains("- Mean score: 5.80 (95% CI 4.18 \u2013 7.42); 2026-W46: 4.00; change +1.80")
        .contains("Dashboard: https://ops.example.com/app/overview?surveyId=" + stored.survey().id() + "&week=2026-W47")
        .contains("- Signups: 2; 2026-W46: 0; change +2");
    assertThat(Files.exists(dataDir.resolve("outbox"))).isFalse();
    assertThat(logRows()).isEmpty();
  }

  @Test
  void toSendsToThatAddressOnceIntoTheOutboxAndLogShowsIt() throws Exception {
    String id = Long.toString(stored.survey().id());
    int code = run("--survey", id, "--week", "2026-W47", "--to", "cli@example.com", "--data", dataDir.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("via outbox ").contains("sent to cli@example.com (" + dataDir.resolve("outbox"));
    assertThat(outbox()).hasSize(1);

    code = run("--survey", id, "--week", "2026-W47", "--to", "cli@example.com", "--data", dataDir.toString());
    assertThat(code).isZero();
    assertThat(out.toString()).contains("already sent to cli@example.com").contains("not sent again");
    assertThat(outbox()).hasSize(1);

    code = run("--survey", id, "--log", "--data", dataDir.toString());
    assertThat(code).isZero();
    assertThat(out.toString()).contains("2026-W47  cli@example.com  sent  tries 1  sent 2026-11-23T08:00:00Z  <digest.");
    assertThat(logRows()).extracting(DigestRepository.Send::status).containsExactly(DigestRepository.Status.SENT);
  }

  @Test
  void badInputIsNamed() {
    String id = Long.toString(stored.survey().id());
    assertThat(run("--survey", id, "--week", "2026-W60", "--dry-run", "--data", dataDir.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("--week: ").contains("1..53");
    assertThat(run("--survey", "999", "--week", "2026-W47", "--dry-run", "--data", dataDir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("No survey with id 999");
    assertThat(run("--survey", id, "--week", "2026-W47", "--to", "someone", "--data", dataDir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--to: 'someone' is not a valid email address");
    // No subscribers and no --to: nothing to do, said so.
    assertThat(run("--survey", id, "--week", "2026-W47", "--data", dataDir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("has no digest subscribers");
    assertThat(run("--survey", id, "--smtp-port", "70000", "--smtp-host", "mail", "--dry-run", "--data", dataDir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("smtp-port must be a number within 1..65535, got '70000'");
    assertThat(run("--survey", id, "--data", dataDir.resolve("nothing").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("No ProductOpsDash database");
    assertThat(logRows()).isEmpty();
  }

  @Test
  void theCommandIsRegisteredWithItsSmtpOptions() {
    StringWriter help = new StringWriter();
    int code = new CommandLine(new ProductOpsDashCli()).setOut(new PrintWriter(help)).execute("digest", "--help");
    assertThat(code).isZero();
    assertThat(help.toString()).contains("--smtp-host").contains("--smtp-starttls").contains("--dry-run").contains("--to");
  }

  private List<Path> outbox() throws Exception {
    try (Stream<Path> s = Files.list(dataDir.resolve("outbox"))) {
      return s.toList();
    }
  }

  private List<DigestRepository.Send> logRows() {
    try (Database db = Database.open(dataDir)) {
      return db.read(c -> new DigestRepository().sends(c, null, null));
    }
  }
}
