package io.productopsdash.engine.rollup;

import java.util.Arrays;

/** A map from non-negative longs to ints with open addressing: no boxing per lookup. */
final class LongIntMap {
  private long[] keys = new long[64];
  private int[] values = new int[64];
  private int size;

  LongIntMap() {
    Arrays.fill(keys, -1);
  }

  /** The value of {@code key}, or -1. */
  int get(long key) {
    int mask = keys.length - 1;
    int slot = hash(key) & mask;
    while (true) {
      long k = keys[slot];
      if (k == key) {
        return values[slot];
      }
      if (k == -1) {
        return -1;
      }
      slot = (slot + 1) & mask;
    }
  }

  void put(long key, int value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int slot = hash(key) & mask;
    while (keys[slot] != -1 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    if (keys[slot] == -1) {
      size++;
    }
    keys[slot] = key;
    values[slot] = value;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(keys, -1);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != -1) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
