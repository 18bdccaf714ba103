package io.productopsdash.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code productopsdash serve} in a process of its own, as a user or a container runtime runs it:
 * started on a free port, its output read until it says where it serves, stopped with SIGTERM.
 */
record ServeProcess(Process process, String base, String output) {
  private static final Pattern SERVING = Pattern.compile("is serving .* on (http://localhost:\\d+)");

  /** Starts {@code serve --port 0 --data data} plus {@code options} and waits until it serves. */
  static ServeProcess start(Path data, String... options) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        ProductOpsDashCli.class.getName(), "serve", "--port", "0", "--data", data.toString()));
    command.addAll(List.of(options));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String base = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String line;
    // With a configured token nothing follows the "serving" line; else a line about the token does.
    boolean tokenLine = !List.of(options).contains("--admin-token");
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        base = m.group(1);
      }
      if (base != null && (!tokenLine || line.startsWith("Admin token"))) {
        break;
      }
    }
    assertThat(base).as("serve started: %s", seen).isNotNull();
    // Keep draining its output so that a chatty server never blocks on a full pipe.
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // discarded
        }
      } catch (IOException ended) {
        // the process ended
      }
    }, "serve-output");
    drain.setDaemon(true);
    drain.start();
    return new ServeProcess(p, base, seen.toString());
  }

  /** Sends SIGTERM (the shutdown hook closes server and workspace) and waits at most {@code seconds}. */
  boolean stop(int seconds) throws InterruptedException {
    process.destroy();
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }
}
