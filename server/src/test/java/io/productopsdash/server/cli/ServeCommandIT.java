package io.productopsdash.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
  private static final Pattern SERVING = Pattern.compile("is serving .* on (http://localhost:\\d+)");
  private static final Pattern TOKEN = Pattern.compile("Admin token \\(shown once, keep it\\): (\\S+)");

  @TempDir Path dir;

  @Test
  void theGeneratedTokenIsPrintedAtTheFirstStartOnly() throws Exception {
    Path data = dir.resolve("data");

    Started first = start(data);
    Matcher token = TOKEN.matcher(first.output());
    assertThat(token.find()).as(first.output()).isTrue();
    String secret = token.group(1);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> authorised = http.send(
        HttpRequest.newBuilder(URI.create(first.base() + "/api/v1/surveys")).header("Authorization", "Bearer " + secret).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(authorised.statusCode()).isEqualTo(200);
    stop(first.process());

    Started second = start(data);
    assertThat(second.output()).doesNotContain(secret).doesNotContain("shown once")
        .contains("Admin token: the one printed at this data folder's first start");
    HttpResponse<String> again = http.send(
        HttpRequest.newBuilder(URI.create(second.base() + "/api/v1/surveys")).header("Authorization", "Bearer " + secret).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).as("the token of the first start still works").isEqualTo(200);
    stop(second.process());
  }

  private record Started(Process process, String base, String output) {}

  /** Starts serve on a free port and reads its output until it says where it serves. */
  private static Started start(Path data) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        ProductOpsDashCli.class.getName(), "serve", "--port", "0", "--data", data.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String base = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        base = m.group(1);
      }
      if (base != null && line.startsWith("Admin token")) {
        break;
      }
    }
    assertThat(base).as("serve started: %s", seen).isNotNull();
    return new Started(p, base, seen.toString());
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy(); // SIGTERM: the shutdown hook closes the server and the workspace
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }
}
