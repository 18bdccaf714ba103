package io.productopsdash.engine.demo;

/**
 * What a demo comment is about, with how often it comes up in each of the twelve weeks (relative
 * weights, before the commenting user's situation adjusts them) and the mean score of people
 * writing about it. The story the weeks tell: a swap incident in weeks 6 to 8 (failed and slow
 * swaps grow for three weeks, then ease), a clearer seed-phrase backup shipped in week 7 (confusion shrinks),
 * requests for Bitcoin Lightning support appearing from week 9 and hardware-wallet requests from week 10.
 */
enum Topic {
  SWAP_FAILED(3.0, 6, 6, 6, 7, 9, 20, 34, 40, 12, 9, 8, 7),
  SEED_BACKUP(4.2, 16, 16, 15, 16, 15, 15, 6, 3, 3, 2, 2, 2),
  FEES(4.6, 11, 11, 11, 10, 11, 10, 10, 11, 10, 10, 11, 10),
  PRAISE(6.5, 24, 24, 25, 24, 24, 20, 18, 20, 23, 24, 24, 25),
  LIGHTNING(5.5, 0, 0, 0, 0, 0, 0, 0, 0, 12, 15, 17, 18),
  HARDWARE(5.6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 9, 10),
  DEPOSIT(3.4, 7, 7, 7, 7, 7, 6, 6, 6, 6, 6, 6, 6),
  VERIFY(3.6, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3),
  BALANCE_SYNC(4.0, 7, 7, 7, 7, 7, 6, 6, 6, 6, 6, 6, 6),
  NETWORKS(5.0, 5, 5, 5, 5, 6, 5, 5, 5, 5, 5, 5, 5),
  FEATURES(5.7, 7, 7, 7, 7, 7, 6, 6, 6, 7, 7, 7, 7),
  SUPPORT(3.0, 4, 4, 4, 4, 4, 5, 6, 5, 4, 4, 4, 4),
  /** Complaints that carry an email address or phone number, placed by count, not by weight. */
  CONTACT(3.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  private final double meanScore;
  private final double[] weights;

  Topic(double meanScore, double... weights) {
    if (weights.length != DemoSettings.WEEKS) {
      throw new IllegalArgumentException("Topic " + name() + " needs " + DemoSettings.WEEKS + " weights, got " + weights.length);
    }
    this.meanScore = meanScore;
    this.weights = weights.clone();
  }

  /** Mean 1..7 score of someone writing about this topic, before the user's own offset. */
  double meanScore() {
    return meanScore;
  }

  /** Relative weight in week {@code w} (0 = first week). */
  double weight(int w) {
    return weights[w];
  }
}
