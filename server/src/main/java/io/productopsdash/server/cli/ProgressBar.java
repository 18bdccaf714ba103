package io.productopsdash.server.cli;

import io.productopsdash.data.events.ImportCounters;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for a terminal: share of the file read, bytes, and events per second.
 * Redrawn at most every {@link #INTERVAL_NANOS}; only used when there is a console.
 */
final class ProgressBar {
  static final long INTERVAL_NANOS = 200_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private long lastDraw;
  private boolean drawn;
  private long lastBytes;
  private long lastTotal;
  private long lastEvents;

  ProgressBar(PrintStream out) {
    this.out = out;
  }

  void update(long bytesRead, long totalBytes, ImportCounters counters) {
    lastBytes = bytesRead;
    lastTotal = totalBytes;
    lastEvents = counters.read();
    long now = System.nanoTime();
    if (drawn && now - lastDraw < INTERVAL_NANOS) {
      return;
    }
    lastDraw = now;
    drawn = true;
    out.print("\r" + line(bytesRead, totalBytes, counters.read(), now - startNanos));
    out.flush();
  }

  /** Ends the bar's line so later output starts on a fresh one. */
  void finish() {
    if (!drawn) {
      return;
    }
    out.print("\r" + line(lastBytes, lastTotal, lastEvents, System.nanoTime() - startNanos) + "\n");
    out.flush();
  }

  static String line(long bytesRead, long totalBytes, long events, long elapsedNanos) {
    double share = totalBytes <= 0 ? 1 : Math.min(1, bytesRead / (double) totalBytes);
    int filled = (int) Math.round(share * WIDTH);
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    return String.format(
        Locale.ROOT,
        "[%s%s] %3d%%  %s / %s  %,d events  %,.0f events/s ",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        Math.round(share * 100),
        bytes(bytesRead),
        bytes(totalBytes),
        events,
        events / seconds);
  }

  /** A bar of {@code WIDTH} cells and the percentage, e.g. {@code [#####-----]  50%}, for other commands' progress lines. */
  static String bar(long done, long total) {
    double share = total <= 0 ? 1 : Math.max(0, Math.min(1, done / (double) total));
    int filled = (int) Math.round(share * WIDTH);
    return String.format(Locale.ROOT, "[%s%s] %3d%%", "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(share * 100));
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
    }
    if (n < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GB", n / (1024.0 * 1024 * 1024));
  }
}
