package io.productopsdash.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.engine.embed.SentenceEmbedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole pipeline on real sentences: embed with all-MiniLM-L6-v2, cluster, label. */
class ThemesOfSentencesIT {
  private static final List<String> BILLING =
      List.of(
          "I was charged twice for my subscription this month",
          "The refund for my cancelled order never arrived",
          "Why did my card payment fail at checkout?",
          "Please send me an invoice for last month's charge",
          "My credit card was billed the wrong amount",
          "I want my money back for the duplicate payment",
          "The annual plan price went up without notice",
          "The payment page keeps declining my Visa card",
          "How do I update the billing address on my invoices?",
          "I was billed again after I cancelled my subscription",
          "The discount code was not applied to my payment",
          "Can I pay by bank transfer instead of by card?");
  private static final List<String> CRASHES =
      List.of(
          "The app crashes every time I open the camera",
          "After the latest update the app freezes on startup",
          "It keeps crashing when I upload a photo",
          "The screen goes black and the app closes itself",
          "The Android version crashes on launch since yesterday",
          "The app is very slow and often stops responding",
          "I get an error message whenever I try to save a note",
          "Since the update the app force closes on my iPhone",
          "The loading spinner never ends and then the app crashes",
          "The app froze and I lost all my unsaved work",
          "Tapping the settings button closes the app",
          "Constant crashes make the app unusable");
  private static final List<String> DELIVERY =
      List.of(
          "My package still has not been delivered after two weeks",
          "The courier left the parcel at the wrong address",
          "The tracking number shows no updates since Monday",
          "Shipping to Canada takes far too long",
          "The box arrived damaged and the items were broken",
          "Can I change the delivery address of my order?",
          "The delivery was late again this week",
          "The driver never rang the doorbell and the parcel went back to the depot",
          "Express shipping took five days",
          "Where is my order? It says shipped but nothing arrived",
          "Half of my order is missing from the package",
          "I would like faster delivery options");

  @Test
  void threeTopicsGiveAboutThreeThemes() {
    List<String> texts = new ArrayList<>();
    int[] truth = new int[36];
    for (int i = 0; i < 12; i++) {
      texts.add(BILLING.get(i));
      texts.add(CRASHES.get(i));
      texts.add(DELIVERY.get(i));
      truth[3 * i + 1] = 1;
      truth[3 * i + 2] = 2;
    }
    float[][] vectors = SentenceEmbedder.shared().embedAll(texts, 2, SentenceEmbedder.Progress.NONE);
    ThemeClustering themes = ThemeClustering.fit(vectors, ClusteringOptions.defaults());
    assertThat(themes.k()).isBetween(3, 4);
    ClusteringMetrics.Scores s = ClusteringMetrics.score(truth, themes.assignments());
    assertThat(s.nmi()).isGreaterThan(0.75);
    assertThat(s.accuracy()).isGreaterThan(0.8);
    List<String> labels = ClassTfIdfLabeler.of(3).labels(texts, themes.assignments(), themes.k());
    assertThat(String.join(" | ", labels)).contains("app").containsAnyOf("delivery", "order", "parcel", "shipping");
    // Same seed, same themes.
    assertThat(ThemeClustering.fit(vectors, ClusteringOptions.defaults()).assignments())
        .containsExactly(themes.assignments());
  }
}
