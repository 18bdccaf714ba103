package io.productopsdash.engine.demo;

/**
 * Told how far {@link DemoDataSet#generate} got: the phase, work done and the phase's total. Each
 * phase reports {@code done == total} once when it ends. Called from the generating thread only.
 */
@FunctionalInterface
public interface DemoProgress {
  /** Ignores progress. */
  DemoProgress NONE = (phase, done, total) -> {};

  void update(DemoPhase phase, long done, long total);
}
