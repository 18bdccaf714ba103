package io.productopsdash.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code productopsdash serve} as a user runs it, in its own process: the first start on a data
 * folder generates the admin token and prints it once, the token works, and a second start on
 * the same folder does not print it again (only its hash is stored).
 */
class ServeCommandIT {
  private static final Pattern TOKEN = Pattern.compile("Admin token \\(shown once, keep it\\): (\\S+)");

  @TempDir Path dir;

  @Test
  void theGeneratedTokenIsPrintedAtTheFirstStartOnly() throws Exception {
    Path data = dir.resolve("data");

    ServeProcess first = ServeProcess.start(data);
    Matcher token = TOKEN.matcher(first.output());
    assertThat(token.find()).as(first.output()).isTrue();
    String secret = token.group(1);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> authorised = http.send(
        HttpRequest.newBuilder(URI.create(first.base() + "/api/v1/surveys")).header("Authorization", "Bearer " + secret).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(authorised.statusCode()).isEqualTo(200);
    stop(first.process());

    ServeProcess second = ServeProcess.start(data);
    assertThat(second.output()).doesNotContain(secret).doesNotContain("shown once")
        .contains("Admin token: the one printed at this data folder's first start");
    HttpResponse<String> again = http.send(
        HttpRequest.newBuilder(URI.create(second.base() + "/api/v1/surveys")).header("Authorization", "Bearer " + secret).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).as("the token of the first start still works").isEqualTo(200);
    stop(second.process());
  }

  @Test
  void aShortAdminTokenIsRefusedAtStartSayingSo() throws Exception {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        ProductOpsDashCli.class.getName(), "serve", "--port", "0", "--data", dir.resolve("short").toString(),
        "--admin-token", "a");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("at least 24 characters, got 1").doesNotContain("is serving");
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy(); // SIGTERM: the shutdown hook closes the server and the workspace
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }
}
