package io.productopsdash.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code productopsdash import}: counters on stdout, exit codes, --format and --map. */
class ImportCommandIT {
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private long events(Path data) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("productopsdash.db"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void importsAndPrintsOneLinePerSkipReasonWithExitCodeZero() throws IOException, SQLException {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(
        file,
        "{\"messageId\":\"m1\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"}\n"
            + "not json\n"
            + "{\"messageId\":\"m2\",\"type\":\"track\",\"event\":\"E\",\"timestamp\":\"2026-03-02T10:00:00Z\"}\n"
            + "{\"messageId\":\"m1\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"}\n");
    Path data = dir.resolve("data");
    CliRun r = run("import", file.toString(), "--data", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("(segment)")
        .containsPattern("read\\s+4")
        .containsPattern("imported\\s+1")
        .containsPattern("duplicate\\s+1")
        .containsPattern("skipped\\s+2")
        .containsPattern("malformed_json\\s+1")
        .containsPattern("missing_user\\s+1");
    assertThat(events(data)).isEqualTo(1);
  }

  @Test
  void csvWithMapAndExplicitFormat() throws IOException, SQLException {
    Path file = dir.resolve("export.txt");
    Files.writeString(file, "id,user,what,when,other\nr1,u1,\"Signed Up, finally\",2026-03-02T10:00:00Z,x\n");
    Path data = dir.resolve("data");
    CliRun r = run("import", file.toString(), "--format", "csv", "--data", data.toString(), "--map", "messageId=id", "--map", "userId=user",
        "--map", "event=what", "--map", "timestamp=when");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("(csv)").contains("ignored): other").containsPattern("imported\\s+1");
    assertThat(events(data)).isEqualTo(1);
  }

  @Test
  void anUnreadableFileIsExitCodeOneAndBadOptionsTwo() {
    Path data = dir.resolve("data");
    CliRun missing = run("import", dir.resolve("missing.jsonl").toString(), "--data", data.toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("missing.jsonl").contains("no such file");
    CliRun badFormat = run("import", "x.jsonl", "--format", "parquet", "--data", data.toString());
    assertThat(badFormat.code()).isEqualTo(2);
    assertThat(badFormat.err()).contains("parquet");
    CliRun badMap = run("import", "x.csv", "--map", "usr=col", "--data", data.toString());
    assertThat(badMap.code()).isEqualTo(2);
    assertThat(badMap.err()).contains("usr");
  }
}
