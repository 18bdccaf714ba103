package io.productopsdash.engine.survey;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed 64-bit hash whose output is well mixed and
 * cannot be steered by someone who does not know the key, so a user cannot pick an id that is
 * always (or never) sampled. Checked against the reference vectors of the paper.
 */
public final class SipHash24 {
  private final long k0;
  private final long k1;

  /** A hash under the 128-bit key {@code key} (16 bytes, little-endian halves). */
  public SipHash24(byte[] key) {
    if (key.length != 16) {
      throw new IllegalArgumentException("SipHash key must be 16 bytes, got " + key.length);
    }
    this.k0 = littleEndian(key, 0, 8);
    this.k1 = littleEndian(key, 8, 8);
  }

  public long hash(byte[] data) {
    long v0 = 0x736f6d6570736575L ^ k0;
    long v1 = 0x646f72616e646f6dL ^ k1;
    long v2 = 0x6c7967656e657261L ^ k0;
    long v3 = 0x7465646279746573L ^ k1;
    int end = data.length - (data.length % 8);
    for (int i = 0; i < end; i += 8) {
      long m = littleEndian(data, i, 8);
      v3 ^= m;
      for (int r = 0; r < 2; r++) {
        v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
        v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
        v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
        v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
      }
      v0 ^= m;
    }
    long last = ((long) data.length & 0xff) << 56;
    last |= littleEndian(data, end, data.length - end);
    v3 ^= last;
    for (int r = 0; r < 2; r++) {
      v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
      v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
      v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
      v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
    }
    v0 ^= last;
    v2 ^= 0xff;
    for (int r = 0; r < 4; r++) {
      v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
      v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
      v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
      v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
    }
    return v0 ^ v1 ^ v2 ^ v3;
  }

  private static long littleEndian(byte[] b, int offset, int length) {
    long v = 0;
    for (int i = length - 1; i >= 0; i--) {
      v = (v << 8) | (b[offset + i] & 0xffL);
    }
    return v;
  }
}
