package io.productopsdash.data.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns UTF-8 byte slices to dense ints without making a String per lookup: open addressing
 * over slots of four longs (hash and id; length; the first 16 bytes), so a slice of up to 16
 * bytes (most user ids, names and paths) is matched within one cache line; longer ones are
 * compared with the byte pool. A String is decoded once, when a slice is first seen. Not
 * thread-safe: one per scanning thread.
 */
final class ByteInterner {
  private static final int INLINE = 16;
  private byte[] pool = new byte[1 << 16];
  private int poolSize;
  /** Per id: offset into the pool. */
  private int[] offsets = new int[1024];
  private String[] strings = new String[1024];
  private int size;
  /** Per slot: [hash << 32 | id + 1 (0: empty), length, bytes 0-7, bytes 8-15]. */
  private long[] table = new long[4 * 2048];
  private int slots = 2048;

  int size() {
    return size;
  }

  String string(int id) {
    return strings[id];
  }

  /** The id of {@code bytes[from, to)}, adding it when new. */
  int intern(byte[] bytes, int from, int to) {
    int length = to - from;
    long lo = 0;
    long hi = 0;
    int h = 1;
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      h = 31 * h + b;
      int k = i - from;
      if (k < 8) {
        lo |= (b & 0xFFL) << (8 * k);
      } else if (k < INLINE) {
        hi |= (b & 0xFFL) << (8 * (k - 8));
      }
    }
    h ^= h >>> 16;
    int mask = slots - 1;
    int slot = h & mask;
    while (true) {
      int at = 4 * slot;
      long entry = table[at];
      if (entry == 0) {
        break;
      }
      if ((int) (entry >>> 32) == h && table[at + 1] == length && table[at + 2] == lo && table[at + 3] == hi) {
        int id = (int) entry - 1;
        if (length <= INLINE || Arrays.equals(pool, offsets[id], offsets[id] + length, bytes, from, to)) {
          return id;
        }
      }
      slot = (slot + 1) & mask;
    }
    return add(bytes, from, to, h, slot, lo, hi);
  }

  private int add(byte[] bytes, int from, int to, int h, int slot, long lo, long hi) {
    int length = to - from;
    if (size == strings.length) {
      strings = Arrays.copyOf(strings, size * 2);
      offsets = Arrays.copyOf(offsets, size * 2);
    }
    if (poolSize + length > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
    }
    System.arraycopy(bytes, from, pool, poolSize, length);
    int id = size++;
    offsets[id] = poolSize;
    strings[id] = new String(bytes, from, length, StandardCharsets.UTF_8);
    poolSize += length;
    int at = 4 * slot;
    table[at] = ((long) h << 32) | (id + 1L);
    table[at + 1] = length;
    table[at + 2] = lo;
    table[at + 3] = hi;
    if (size * 2 > slots) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    long[] old = table;
    slots *= 2;
    table = new long[4 * slots];
    int mask = slots - 1;
    for (int at = 0; at < old.length; at += 4) {
      if (old[at] != 0) {
        int slot = (int) (old[at] >>> 32) & mask;
        while (table[4 * slot] != 0) {
          slot = (slot + 1) & mask;
        }
        System.arraycopy(old, at, table, 4 * slot, 4);
      }
    }
  }
}
