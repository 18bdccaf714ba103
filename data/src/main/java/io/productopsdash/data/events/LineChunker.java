package io.productopsdash.data.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into chunks of lines (LF or CRLF) without decoding them, so that decoding
 * and parsing can run on other threads. A line longer than {@code maxLineBytes} is not kept, only
 * its length, so one huge line cannot exhaust memory; it is still a line, to be counted.
 */
final class LineChunker {
  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;

  LineChunker(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Up to {@code maxLines} lines; null at the end of the input. */
  LineChunk next(int maxLines) throws IOException {
    byte[] data = new byte[1 << 20];
    int size = 0;
    int[] starts = new int[maxLines];
    long[] lengths = new long[maxLines];
    int n = 0;
    while (n < maxLines && (pos < limit || fill())) {
      int start = size;
      long length = 0;
      boolean keep = true;
      while (pos < limit || fill()) {
        int nl = pos;
        while (nl < limit && buf[nl] != '\n') {
          nl++;
        }
        int k = nl - pos;
        if (keep) {
          if (length + k > maxLineBytes) {
            keep = false;
            size = start;
          } else {
            if (size + k > data.length) {
              data = Arrays.copyOf(data, Math.max(data.length * 2, size + k));
            }
            System.arraycopy(buf, pos, data, size, k);
            size += k;
          }
        }
        length += k;
        if (nl < limit) {
          pos = nl + 1;
          break;
        }
        pos = limit;
      }
      if (keep && length > 0 && data[size - 1] == '\r') {
        size--;
        length--;
      }
      starts[n] = keep ? start : -1;
      lengths[n] = length;
      n++;
    }
    return n == 0 ? null : new LineChunk(data, starts, lengths, n);
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int r = in.read(buf, 0, buf.length);
    if (r <= 0) {
      eof = r < 0;
      pos = 0;
      limit = 0;
      return !eof && fill();
    }
    pos = 0;
    limit = r;
    return true;
  }

  /**
   * Lines as slices of {@code data}: line i is {@code data[starts[i], starts[i] + lengths[i])}, or
   * was too long to keep when {@code starts[i] == -1} ({@code lengths[i]} is then its size).
   */
  record LineChunk(byte[] data, int[] starts, long[] lengths, int count) {}
}
