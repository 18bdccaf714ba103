package io.productopsdash.engine.survey;

import io.productopsdash.models.WeekId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Decides who is asked: user u is sampled in ISO week w of survey series s iff {@code
 * hash64(s, w, u) / 2^64 < sampleRate}, with SipHash-2-4 under the installation's secret key.
 * Deterministic (same answer on every device and call), independent across weeks (the week is
 * part of the hashed message), and blind to how often a user visits.
 */
public final class SurveySampler {
  private final SipHash24 hash;

  public SurveySampler(byte[] key) {
    this.hash = new SipHash24(key);
  }

  /** The user's uniform draw in [0, 1) for this series and week. */
  public double draw(long seriesId, WeekId week, String userId) {
    byte[] user = userId.getBytes(StandardCharsets.UTF_8);
    byte[] weekBytes = week.toString().getBytes(StandardCharsets.US_ASCII);
    // Length-prefixed fields so ("1","2-W01") and ("12","-W01") can never collide.
    ByteBuffer message = ByteBuffer.allocate(8 + 4 + weekBytes.length + 4 + user.length);
    message.putLong(seriesId).putInt(weekBytes.length).put(weekBytes).putInt(user.length).put(user);
    long h = hash.hash(message.array());
    // The top 53 bits make an exact double in [0, 1): h / 2^64 without rounding up to 1.
    return (h >>> 11) * 0x1.0p-53;
  }

  public boolean isSampled(long seriesId, WeekId week, String userId, double sampleRate) {
    return draw(seriesId, week, userId) < sampleRate;
  }
}
