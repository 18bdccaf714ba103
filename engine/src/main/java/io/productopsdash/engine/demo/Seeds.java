package io.productopsdash.engine.demo;

/**
 * Seeds derived from the demo seed and a few integers (a purpose, a user, a week), so each random
 * stream is independent of the order in which work is done or which thread does it.
 */
final class Seeds {
  private Seeds() {}

  /** SplitMix64's finaliser folded over the parts. */
  static long mix(long seed, long... parts) {
    long h = finish(seed ^ 0x9E3779B97F4A7C15L);
    for (long p : parts) {
      h = finish(h + 0x9E3779B97F4A7C15L + p);
    }
    return h;
  }

  private static long finish(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
