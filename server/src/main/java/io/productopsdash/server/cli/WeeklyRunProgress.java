package io.productopsdash.server.cli;

import io.productopsdash.engine.theme.WeeklyThemeRun;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows a weekly theme run's stage and its progress on one terminal line ({@code prefix: stage
 * done / total}), redrawn at most every {@link ProgressBar#INTERVAL_NANOS}; silent without a
 * console.
 */
final class WeeklyRunProgress implements WeeklyThemeRun.Progress {
  private final PrintStream out;
  private final String prefix;
  private String lastStage = "";
  private long lastDraw;

  /** {@code out} is the console (null: silent). */
  WeeklyRunProgress(PrintStream out, String prefix) {
    this.out = out;
    this.prefix = prefix;
  }

  @Override
  public void update(String stage, int done, int total) {
    if (out == null) {
      return;
    }
    long now = System.nanoTime();
    if (stage.equals(lastStage) && now - lastDraw < ProgressBar.INTERVAL_NANOS && done < total) {
      return;
    }
    lastStage = stage;
    lastDraw = now;
    String line = String.format(Locale.ROOT, "%s: %s %,d / %,d", prefix, stage, done, total);
    out.print("\r" + line + " ".repeat(Math.max(0, 78 - line.length())));
    out.flush();
  }
}
