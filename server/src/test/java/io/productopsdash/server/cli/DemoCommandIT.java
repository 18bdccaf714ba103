package io.productopsdash.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.engine.demo.DemoDataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code productopsdash demo}: refuses a used folder, names bad options, generates and reports. */
@Timeout(300)
class DemoCommandIT {
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void aNonEmptyDataFolderIsRefusedWithExitCode2() throws IOException {
    Path used = Files.createDirectories(dir.resolve("used"));
    Files.writeString(used.resolve("notes.txt"), "keep me");
    CliRun r = run("demo", "--data", used.toString(), "--exit-after-load");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(used.toString()).contains("not empty");
    try (var files = Files.list(used)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("notes.txt");
    }
  }

  @Test
  void aBadUserCountIsNamed() {
    Path fresh = dir.resolve("fresh");
    CliRun r = run("demo", "--data", fresh.toString(), "--users", "5", "--exit-after-load");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--users").contains("5");
    assertThat(fresh).doesNotExist();
  }

  @Test
  void generatesReportsThePhasesAndPrintsTheTokenOnce() throws SQLException {
    Path fresh = dir.resolve("demo");
    CliRun r = run("demo", "--data", fresh.toString(), "--users", "150", "--seed", "3", "--exit-after-load");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Demo workspace: " + fresh.toAbsolutePath(), "seed 3", "150 users");
    assertThat(r.out())
        .containsPattern(
            "Phases: events [\\d.]+ s, survey [\\d.]+ s, models [\\d.]+ s, themes [\\d.]+ s, index [\\d.]+ s \\(ready after [\\d.]+ s\\),"
                + " sentiment [\\d.]+ s \\(total [\\d.]+ s\\)");
    Matcher token = Pattern.compile("Admin token \\(shown once, keep it\\): (\\S+)").matcher(r.out());
    assertThat(token.find()).isTrue();
    String secret = token.group(1);
    assertThat(r.out().split(Pattern.quote(secret), -1)).as("the token is printed once").hasSize(2);
    assertThat(r.err()).doesNotContain(secret);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fresh.resolve("productopsdash.db"));
        Statement st = c.createStatement()) {
      assertThat(single(st, "SELECT COUNT(DISTINCT user_id) FROM events WHERE name = 'Signed Up'")).isEqualTo("150");
      assertThat(single(st, "SELECT value FROM settings WHERE key = 'sampling.key'")).isEqualTo(DemoDataSet.samplingKeyHex(3));
      Matcher answers = Pattern.compile("([\\d,]+) answers \\(").matcher(r.out());
      assertThat(answers.find()).isTrue();
      assertThat(single(st, "SELECT COUNT(*) FROM answers")).isEqualTo(answers.group(1).replace(",", ""));
    }

    // The search command the demo prints, run as printed, reads the demo's workspace.
    Matcher printed = Pattern.compile("Try it from another terminal: (\\./bin/productopsdash .+)").matcher(r.out());
    assertThat(printed.find()).as(r.out()).isTrue();
    List<String> words = shellWords(printed.group(1));
    assertThat(words.subList(0, 3)).containsExactly("./bin/productopsdash", "search", "swap AND slow");
    assertThat(Path.of(words.get(words.indexOf("--data") + 1))).isEqualTo(fresh.toAbsolutePath());
    CliRun search = run(words.subList(1, words.size()).toArray(String[]::new));
    assertThat(search.code()).as(search.err()).isZero();
    assertThat(search.err()).doesNotContain("No ProductOpsDash database");
    assertThat(search.out()).as(search.out()).containsPattern("^[\\d,]+ answers? match(es)? \"swap AND slow\" \\(keyword\\)");
    // The same folder holds the demo's comments: a broader query finds some.
    List<String> broader = new ArrayList<>(words.subList(1, words.size()));
    broader.set(1, "swap*");
    CliRun swaps = run(broader.toArray(String[]::new));
    assertThat(swaps.code()).as(swaps.err()).isZero();
    Matcher hits = Pattern.compile("^([\\d,]+) answers? match").matcher(swaps.out());
    assertThat(hits.find()).as(swaps.out()).isTrue();
    assertThat(Integer.parseInt(hits.group(1).replace(",", ""))).as("answers about swaps in the demo: %s", swaps.out()).isPositive();
  }

  @Test
  void theNewestDemoWorkspaceWithADatabaseIsFound() throws IOException {
    Path root = dir.resolve("demo-workspaces");
    Files.createDirectories(root.resolve("demo-20261201-090000"));
    Files.writeString(root.resolve("demo-20261201-090000").resolve("productopsdash.db"), "");
    Files.createDirectories(root.resolve("demo-20261203-090000"));
    Files.writeString(root.resolve("demo-20261203-090000").resolve("productopsdash.db"), "");
    Files.createDirectories(root.resolve("demo-20261205-090000")); // empty: a demo that never got going
    assertThat(DataDirOptions.newestDemo(root)).isEqualTo(root.resolve("demo-20261203-090000"));
    assertThat(DataDirOptions.newestDemo(dir.resolve("nowhere"))).isNull();
  }

  /* The words of a command line as a POSIX shell splits them (double and single quotes). */
  private static List<String> shellWords(String line) {
    List<String> words = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(line);
    while (m.find()) {
      words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }
    return words;
  }

  @Test
  void aGivenAdminTokenIsNeverPrinted() {
    Path fresh = dir.resolve("quiet");
    CliRun r = run("demo", "--data", fresh.toString(), "--users", "100", "--admin-token", "my-secret-demo-token-4b7e2f", "--exit-after-load");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out() + r.err()).doesNotContain("my-secret-demo-token-4b7e2f");
  }

  private static String single(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
