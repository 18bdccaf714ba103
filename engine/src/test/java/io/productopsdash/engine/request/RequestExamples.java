package io.productopsdash.engine.request;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The hand-written examples of product feedback that train {@link EmbeddingRequestSignal}: short
 * requests ("please add dark mode") and other feedback (praise, bug reports and requests for a
 * fix, questions, descriptions of what the product already does, complaints without an ask).
 * They were written for this product, never copied from an evaluation set, and sit beside the
 * benchmark as the test resource {@value #RESOURCE}.
 *
 * <p>Format: one example per line, {@code request<TAB>text} or {@code other<TAB>text}; blank lines
 * and lines starting with {@code #} are ignored.
 */
final class RequestExamples {
  private RequestExamples() {}

  static final String RESOURCE = "request-examples.txt";

  /**
   * One example.
   *
   * @param text the feedback as a person would write it
   * @param request whether it asks for new or changed behaviour
   */
  record Example(String text, boolean request) {
    Example {
      Objects.requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("Blank example text");
      }
    }
  }

  /** The shipped examples, in file order. */
  static List<Example> standard() {
    try (InputStream in = RequestExamples.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads examples in the format above.
   *
   * @throws IllegalArgumentException naming the line when a line has no tab, an unknown class, a
   *     blank text or repeats an earlier text (a repeated text would count twice in training)
   */
  static List<Example> parse(Reader reader) throws IOException {
    List<Example> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    BufferedReader in = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IllegalArgumentException("Line " + number + ": no tab between class and text");
      }
      String kind = line.substring(0, tab);
      String text = line.substring(tab + 1).strip();
      boolean request;
      if (kind.equals("request")) {
        request = true;
      } else if (kind.equals("other")) {
        request = false;
      } else {
        throw new IllegalArgumentException(
            "Line " + number + ": class must be request or other, not '" + kind + "'");
      }
      if (text.isEmpty()) {
        throw new IllegalArgumentException("Line " + number + ": blank text");
      }
      if (!seen.add(text)) {
        throw new IllegalArgumentException("Line " + number + ": repeated text '" + text + "'");
      }
      out.add(new Example(text, request));
    }
    return out;
  }
}
