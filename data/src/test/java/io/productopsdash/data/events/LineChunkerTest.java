package io.productopsdash.data.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineChunkerTest {
  private static List<String> lines(String text, int maxLineBytes, int perChunk) throws IOException {
    LineChunker chunker = new LineChunker(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLineBytes);
    List<String> out = new ArrayList<>();
    LineChunker.LineChunk chunk;
    while ((chunk = chunker.next(perChunk)) != null) {
      assertThat(chunk.count()).isLessThanOrEqualTo(perChunk);
      for (int i = 0; i < chunk.count(); i++) {
        out.add(chunk.starts()[i] < 0
            ? "<too long: " + chunk.lengths()[i] + ">"
            : new String(chunk.data(), chunk.starts()[i], (int) chunk.lengths()[i], StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Test
  void splitsOnLfAndCrlfWithOrWithoutAFinalNewline() throws IOException {
    assertThat(lines("a\r\nbb\n\nccc", 100, 2)).containsExactly("a", "bb", "", "ccc");
    assertThat(lines("a\nb\n", 100, 10)).containsExactly("a", "b");
    assertThat(lines("", 100, 10)).isEmpty();
  }

  @Test
  void aLineOverTheLimitIsKeptOnlyAsItsLength() throws IOException {
    String longLine = "x".repeat(200_000);
    assertThat(lines("ok\n" + longLine + "\nafter\n", 1000, 2)).containsExactly("ok", "<too long: 200000>", "after");
  }

  @Test
  void multiByteCharactersSurviveBufferBoundaries() throws IOException {
    String line = "é€😀".repeat(30_000);
    assertThat(lines(line + "\n" + line, 1 << 20, 1)).containsExactly(line, line);
  }
}
