package io.productopsdash.engine.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The blend's arithmetic with a signal fitted on two-dimensional toy vectors (requests point
 * along x, other feedback along y), so that no model is needed; the real embedding signal is
 * tested in {@link BlendedFeatureRequestDetectorIT}.
 */
class BlendedFeatureRequestDetectorTest {
  private static final float[] REQUEST_LIKE = {1f, 0f};
  private static final float[] OTHER_LIKE = {0f, 1f};

  private static final EmbeddingRequestSignal TOY =
      EmbeddingRequestSignal.fit(
          List.of(
              new RequestExamples.Example("a", true),
              new RequestExamples.Example("b", true),
              new RequestExamples.Example("c", false),
              new RequestExamples.Example("d", false)),
          new float[][] {REQUEST_LIKE, {0.9f, 0.1f}, OTHER_LIKE, {0.1f, 0.9f}},
          100.0);

  private static final BlendedFeatureRequestDetector BLEND =
      BlendedFeatureRequestDetector.of(
          FeatureRequestDetector.of(new FeatureRequestDetector.Options(FeatureRequestDetector.Options.defaults().threshold())), TOY, BlendedFeatureRequestDetector.Options.defaults());

  @Test
  void toySignalSeparatesItsExamples() {
    assertThat(TOY.examples()).isEqualTo(4);
    // scikit-learn 1.9.1, LogisticRegression(C=100) on the same four points, gives 0.98510679
    // and 0.01489321 (the same objective, fitted independently).
    assertThat(TOY.probability(REQUEST_LIKE)).isCloseTo(0.98510679, within(1e-6));
    assertThat(TOY.probability(OTHER_LIKE)).isCloseTo(0.01489321, within(1e-6));
    assertThat(TOY.probability(new float[] {0.5f, 0.5f})).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void aWeakRuleCueCountsWhenTheEmbeddingAgrees() {
    // "please" alone weighs 0.35 in the rules: not a request by the rules.
    String text = "A calendar view that shows every event of the whole month please.";
    assertThat(FeatureRequestDetector.of(new FeatureRequestDetector.Options(FeatureRequestDetector.Options.defaults().threshold())).detect(text).confidence())
        .isCloseTo(0.35, within(1e-9));
    BlendedDetection yes = BLEND.detect(text, REQUEST_LIKE);
    assertThat(yes.rules().request()).isFalse();
    assertThat(yes.confidence())
        .isCloseTo(0.5 * 0.35 + 0.5 * TOY.probability(REQUEST_LIKE), within(1e-12));
    assertThat(yes.request()).isTrue();
    assertThat(BLEND.detect(text, OTHER_LIKE).request()).isFalse();
  }

  @Test
  void aStrongRuleCueIsOverruledOnlyByAConfidentEmbedding() {
    // "I wish ..." weighs 0.9: the blend is 0.45 + p/2, a request unless p < 0.1.
    // p is 0.985 along x, 0.5 on the diagonal and 0.015 along y.
    String text = "I wish the export included the comments.";
    assertThat(FeatureRequestDetector.of(new FeatureRequestDetector.Options(FeatureRequestDetector.Options.defaults().threshold())).detect(text).confidence())
        .isCloseTo(0.9, within(1e-9));
    assertThat(BLEND.detect(text, REQUEST_LIKE).request()).isTrue();
    assertThat(BLEND.detect(text, new float[] {0.5f, 0.5f}).request()).isTrue();
    BlendedDetection no = BLEND.detect(text, OTHER_LIKE);
    assertThat(no.rules().request()).isTrue();
    assertThat(no.confidence()).isCloseTo(0.45 + 0.01489321 / 2, within(1e-6));
    assertThat(no.request()).isFalse();
  }

  @Test
  void weightZeroIsTheRulesAlone() {
    BlendedFeatureRequestDetector rulesOnly =
        BlendedFeatureRequestDetector.of(
            FeatureRequestDetector.of(new FeatureRequestDetector.Options(FeatureRequestDetector.Options.defaults().threshold())), TOY, new BlendedFeatureRequestDetector.Options(0, 0.5));
    for (String t :
        List.of("Please add a dark mode.", "A calendar view please.", "It crashes, please fix it.")) {
      RequestDetection rules = FeatureRequestDetector.of(new FeatureRequestDetector.Options(FeatureRequestDetector.Options.defaults().threshold())).detect(t);
      BlendedDetection d = rulesOnly.detect(t, REQUEST_LIKE);
      assertThat(d.request()).as(t).isEqualTo(rules.request());
      assertThat(d.confidence()).as(t).isEqualTo(rules.confidence());
    }
  }

  @Test
  void rejectsBadOptionsAndVectors() {
    assertThatThrownBy(() -> new BlendedFeatureRequestDetector.Options(1.5, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("embedding weight");
    assertThatThrownBy(() -> new BlendedFeatureRequestDetector.Options(0.5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> BLEND.detect("Please add a dark mode.", new float[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 2");
  }
}
