package io.productopsdash.server.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for work counted in items (answers indexed, say), in the style of
 * {@link ProgressBar}: share done, count, items per second. Redrawn at most every {@link
 * ProgressBar#INTERVAL_NANOS}; only used when there is a console.
 */
final class CountProgressBar {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String label;
  private final String unit;
  private final long startNanos = System.nanoTime();
  private long lastDraw;
  private boolean drawn;
  private long lastDone;
  private long lastTotal;

  /** {@code label} starts the line ("Indexing"); {@code unit} names the items ("answers"). */
  CountProgressBar(PrintStream out, String label, String unit) {
    this.out = out;
    this.label = label;
    this.unit = unit;
  }

  /** A bar on standard error when there is a console, else null. */
  static CountProgressBar onConsole(String label, String unit) {
    return System.console() != null ? new CountProgressBar(System.err, label, unit) : null;
  }

  void update(long done, long total) {
    lastDone = done;
    lastTotal = total;
    long now = System.nanoTime();
    if (drawn && now - lastDraw < ProgressBar.INTERVAL_NANOS && done < total) {
      return;
    }
    lastDraw = now;
    drawn = true;
    out.print("\r" + line(label, unit, done, total, now - startNanos));
    out.flush();
  }

  /** Ends the bar's line so later output starts on a fresh one. */
  void finish() {
    if (!drawn) {
      return;
    }
    out.print("\r" + line(label, unit, lastDone, lastTotal, System.nanoTime() - startNanos) + "\n");
    out.flush();
  }

  static String line(String label, String unit, long done, long total, long elapsedNanos) {
    double share = total <= 0 ? 1 : Math.min(1, done / (double) total);
    int filled = (int) Math.round(share * WIDTH);
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %3d%%  %,d / %,d %s  %,.0f %s/s ",
        label, "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(share * 100), done, total, unit,
        done / seconds, unit);
  }
}
