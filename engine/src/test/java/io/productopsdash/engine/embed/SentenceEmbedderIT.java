package io.productopsdash.engine.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the real all-MiniLM-L6-v2 model from the class path; it loads once for the whole test JVM. */
class SentenceEmbedderIT {
  private static final SentenceEmbedder EMBEDDER = SentenceEmbedder.shared();

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (double) a[j] * b[j];
    }
    return s;
  }

  @Test
  void loadsOnceAndIsShared() {
    assertThat(SentenceEmbedder.shared()).isSameAs(EMBEDDER);
    EMBEDDER.embed("warm up");
    assertThat(SentenceEmbedder.LOADS.get()).isEqualTo(1);
  }

  @Test
  void vectorsAreUnitLengthAndMeaningful() {
    float[][] v =
        EMBEDDER.embedAll(
            List.of("My card payment was declined", "The shop refused my credit card", "The app crashes on startup"),
            2,
            SentenceEmbedder.Progress.NONE);
    for (float[] x : v) {
      assertThat(x).hasSize(SentenceEmbedder.DIMENSION);
      assertThat(dot(x, x)).isCloseTo(1, within(1e-5));
    }
    assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[2]) + 0.2);
  }

  @Test
  void sameTextsSameVectorsWhateverTheThreads() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      texts.add("Answer number " + i + " says " + "very ".repeat(i % 9) + "little about the product");
    }
    float[][] one = EMBEDDER.embedAll(texts, 1, SentenceEmbedder.Progress.NONE);
    float[][] three = EMBEDDER.embedAll(texts, 3, SentenceEmbedder.Progress.NONE);
    assertThat(three).isDeepEqualTo(one);
    // Alone, a text's vector differs only in the last bits (another batch, other padding).
    assertThat(dot(EMBEDDER.embed(texts.get(5)), one[5])).isCloseTo(1, within(1e-6));
  }

  @Test
  void progressCountsTextsUpToTheTotal() {
    List<String> texts = Collections.nCopies(100, "short feedback");
    List<int[]> calls = Collections.synchronizedList(new ArrayList<>());
    EMBEDDER.embedAll(texts, 2, (done, total) -> calls.add(new int[] {done, total}));
    assertThat(calls).isNotEmpty();
    assertThat(calls.get(calls.size() - 1)).containsExactly(100, 100);
    for (int i = 1; i < calls.size(); i++) {
      assertThat(calls.get(i)[0]).isGreaterThanOrEqualTo(calls.get(i - 1)[0]);
    }
  }

  @Test
  void longTextsAreEmbeddedInWindows() {
    // About 400 word pieces (several 126-piece windows), all about payments: the averaged vector
    // stays a payment vector.
    StringBuilder text = new StringBuilder();
    String[] topics = {"refund", "invoice", "double charge", "card payment", "billing address", "price"};
    for (int i = 0; i < 36; i++) {
      text.append("My ").append(topics[i % topics.length]).append(" question number ").append(i).append(" is still open. ");
    }
    float[] v = EMBEDDER.embed(text.toString());
    assertThat(dot(v, v)).isCloseTo(1, within(1e-5));
    float[] payment = EMBEDDER.embed("I have a question about a refund for a card payment");
    float[] crash = EMBEDDER.embed("The app crashes when I open the camera");
    assertThat(dot(v, payment)).isGreaterThan(dot(v, crash) + 0.2);
  }

  @Test
  void emptyTextsAndEmptyListsAreFine() {
    float[][] v = EMBEDDER.embedAll(List.of("", "   ", "hello"), 2, SentenceEmbedder.Progress.NONE);
    assertThat(dot(v[0], v[0])).isCloseTo(1, within(1e-5));
    assertThat(EMBEDDER.embedAll(List.of(), 2, SentenceEmbedder.Progress.NONE)).isEmpty();
    assertThat(Arrays.stream(v).allMatch(x -> x.length == 384)).isTrue();
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> EMBEDDER.embedAll(Arrays.asList("a", null), 1, SentenceEmbedder.Progress.NONE))
        .hasMessage("Text 1 is null");
    assertThatThrownBy(() -> EMBEDDER.embedAll(List.of("a"), 0, SentenceEmbedder.Progress.NONE))
        .hasMessage("Invalid number of threads: 0");
  }
}
