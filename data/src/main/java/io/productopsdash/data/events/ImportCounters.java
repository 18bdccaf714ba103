package io.productopsdash.data.events;

import io.productopsdash.definitions.events.SkipReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * What happened to every input read: imported, duplicate (messageId seen before), or skipped
 * with a reason. {@code read == imported + duplicate + skipped} always holds.
 */
public final class ImportCounters {
  private long read;
  private long imported;
  private long duplicate;
  private final EnumMap<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);

  public synchronized void countRead() {
    read++;
  }

  /** Counts {@code n} inputs read at once (a batch of lines). */
  public synchronized void countRead(long n) {
    read += n;
  }

  public synchronized void countStored(long imported, long duplicate) {
    this.imported += imported;
    this.duplicate += duplicate;
  }

  public synchronized void countSkipped(SkipReason reason) {
    skipped.merge(reason, 1L, Long::sum);
  }

  /** Counts {@code n} inputs skipped for {@code reason}. */
  public synchronized void countSkipped(SkipReason reason, long n) {
    if (n > 0) {
      skipped.merge(reason, n, Long::sum);
    }
  }

  public synchronized long read() {
    return read;
  }

  public synchronized long imported() {
    return imported;
  }

  public synchronized long duplicate() {
    return duplicate;
  }

  public synchronized long skipped() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  public synchronized Map<SkipReason, Long> skippedByReason() {
    return Map.copyOf(skipped);
  }

  @Override
  public synchronized String toString() {
    StringBuilder sb =
        new StringBuilder("read=" + read + " imported=" + imported + " duplicate=" + duplicate + " skipped=" + skipped());
    skipped.forEach((r, n) -> sb.append("\n  skipped ").append(r.name().toLowerCase(java.util.Locale.ROOT)).append(" (").append(r.description()).append("): ").append(n));
    return sb.toString();
  }
}
