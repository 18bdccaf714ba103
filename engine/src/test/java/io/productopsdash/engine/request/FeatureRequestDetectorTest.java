package io.productopsdash.engine.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.engine.request.FeatureRequestEvaluation.Confusion;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule detector on answers written for these tests (requests, bug reports, praise, questions,
 * statements that only look like requests), never on evaluation-set sentences.
 */
class FeatureRequestDetectorTest {
  /** The rules alone: these tests pin the rules' confidence arithmetic (DetectionGoldenTest covers the shipped blend). */
  private static final FeatureRequestDetector DETECTOR =
      FeatureRequestDetector.of(new FeatureRequestDetector.Options(FeatureRequestDetector.Options.defaults().threshold()));

  record Answer(String text, boolean request, String kind) {}

  static List<Answer> handwritten() throws IOException {
    List<Answer> out = new ArrayList<>();
    try (InputStream in =
            Objects.requireNonNull(
                FeatureRequestDetectorTest.class.getResourceAsStream("handwritten-answers.csv"));
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord r : format.parse(reader)) {
        out.add(
            new Answer(
                r.get("text"), Boolean.parseBoolean(r.get("request")), r.get("kind")));
      }
    }
    return out;
  }

  @Test
  void everyHandwrittenAnswerIsClassifiedAsLabelled() throws IOException {
    List<Answer> answers = handwritten();
    assertThat(answers).hasSizeGreaterThanOrEqualTo(60);
    assertThat(answers.stream().map(Answer::kind).distinct())
        .contains("request", "bug", "praise", "question", "statement");
    List<String> wrong = new ArrayList<>();
    for (Answer a : answers) {
      RequestDetection d = DETECTOR.detect(a.text());
      if (d.request() != a.request()) {
        wrong.add(a.kind() + ": " + a.text() + " -> " + d);
      }
    }
    assertThat(wrong).isEmpty();
    Confusion c =
        FeatureRequestEvaluation.evaluate(
            DETECTOR,
            answers.stream().map(Answer::text).toList(),
            answers.stream().map(Answer::request).toList());
    assertThat(c.f1()).isEqualTo(1.0);
  }

  @Nested
  class Requests {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "Please add support for Solana.",
          "i wish u could pin a chat to the top",
          "It'd be awesome to have a calendar view",
          "Would love an export button.",
          "Needs a dark mode",
          "why cant i change the currency??",
          "Could we get a search in the settings?",
          "Suggestion: show the fee before I confirm.",
          "Feature request - recurring transfers",
          "Bring back the swipe gesture!",
          "Dear devs, please make the text bigger.",
          "Great app but no option to hide my balance.",
          "I want to be able to choose the start day of the week.",
          "If you could add a pie chart that would be awesome.",
          "We really need an iPad version."
        })
    void areDetected(String text) {
      RequestDetection d = DETECTOR.detect(text);
      assertThat(d.request()).as("%s", d).isTrue();
      assertThat(d.confidence()).isBetween(0.5, 1.0);
      assertThat(d.counted()).isNotEmpty();
      assertThat(d.sentence()).isNotEmpty();
    }

    @Test
    void explainWhichCuesFired() {
      RequestDetection d = DETECTOR.detect("Love it! I wish there was a dark mode, please.");
      assertThat(d.request()).isTrue();
      assertThat(d.sentence()).isEqualTo("I wish there was a dark mode, please.");
      assertThat(d.counted()).extracting(RequestCue::kind).contains(CueKind.WISH);
      RequestCue wish =
          d.counted().stream().filter(c -> c.kind() == CueKind.WISH).findFirst().orElseThrow();
      assertThat(wish.evidence()).containsIgnoringCase("wish");
      assertThat(wish.sentence()).isEqualTo(1);
    }

    @Test
    void confidenceIsTheNoisyOrOfTheKindsInTheBestSentence() {
      // One strong cue: its weight. A capability noun added in the same sentence raises it.
      double wishOnly = DETECTOR.detect("I wish it was green.").confidence();
      assertThat(wishOnly)
          .isCloseTo(CueKind.WISH.weight(), org.assertj.core.data.Offset.offset(1e-12));
      double both = DETECTOR.detect("I wish there was an option to make it green.").confidence();
      assertThat(both)
          .isCloseTo(
              1 - (1 - CueKind.WISH.weight()) * (1 - CueKind.CAPABILITY.weight()),
              org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void twoWeakCuesOfDifferentKindsAreEnoughButOneIsNot() {
      RequestDetection one = DETECTOR.detect("The option to sort is hidden.");
      assertThat(one.request()).isFalse();
      assertThat(one.confidence())
          .isCloseTo(CueKind.CAPABILITY.weight(), org.assertj.core.data.Offset.offset(1e-12));
      RequestDetection two = DETECTOR.detect("Option to sort by date, please.");
      assertThat(two.request()).isTrue();
    }

    @Test
    void aRequestNextToABugReportIsStillARequest() {
      RequestDetection d =
          DETECTOR.detect("The app crashes when I rotate. Please fix that and add a dark mode.");
      assertThat(d.request()).isTrue();
    }
  }

  @Nested
  class NotRequests {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "Please fix the crash on startup.",
          "Keeps crashing since the update, pls fix asap",
          "I wish it didn't crash so much.",
          "Would be nice if it would load at all.",
          "Can you please fix the sync? It doesn't work.",
          "Five stars if you fix the login bug.",
          "Excellent app, highly recommended.",
          "I would recommend this to my friends.",
          "What does the blue dot mean?",
          "How can I delete my account?",
          "I wish I'd read the reviews before buying.",
          "My notes are missing after the update.",
          "You must get this app, it's the best.",
          "Make sure you back up first.",
          "Let me explain what happened.",
          "",
          "   "
        })
    void areNotDetected(String text) {
      RequestDetection d = DETECTOR.detect(text);
      assertThat(d.request()).as("%s", d).isFalse();
      assertThat(d.confidence()).isBetween(0.0, 0.5);
    }

    @Test
    void aRequestForAFixIsSuppressedWithItsReason() {
      RequestDetection d = DETECTOR.detect("It doesn't load, please fix.");
      assertThat(d.request()).isFalse();
      assertThat(d.suppressed()).isNotEmpty();
      assertThat(d.suppressed()).extracting(RequestCue::suppressedBy).contains("fix");
      assertThat(d.counted()).isEmpty();
      assertThat(d.confidence()).isZero();
      assertThat(d.sentence()).isEmpty();
    }

    @Test
    void aRegretIsNotAWish() {
      RequestDetection d = DETECTOR.detect("I wish I had never bought the premium plan.");
      assertThat(d.request()).isFalse();
      assertThat(d.suppressed()).extracting(RequestCue::kind).contains(CueKind.WISH);
    }
  }

  @Test
  void isDeterministicAndSafeToShareBetweenThreads() throws Exception {
    List<Answer> answers = handwritten();
    List<RequestDetection> sequential = new ArrayList<>();
    for (Answer a : answers) {
      sequential.add(DETECTOR.detect(a.text()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<RequestDetection>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(
            pool.submit(
                () -> {
                  List<RequestDetection> out = new ArrayList<>();
                  for (Answer a : answers) {
                    out.add(DETECTOR.detect(a.text()));
                  }
                  return out;
                }));
      }
      for (Future<List<RequestDetection>> f : futures) {
        assertThat(f.get()).isEqualTo(sequential);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theThresholdDecides() {
    String weakAndStrong = "Option to sort by date, please.";
    double confidence = DETECTOR.detect(weakAndStrong).confidence();
    FeatureRequestDetector strict =
        FeatureRequestDetector.of(new FeatureRequestDetector.Options(confidence + 0.01));
    assertThat(strict.detect(weakAndStrong).request()).isFalse();
    assertThat(strict.detect(weakAndStrong).confidence()).isEqualTo(confidence);
    assertThat(FeatureRequestDetector.standard().options())
        .isEqualTo(FeatureRequestDetector.Options.defaults());
  }

  @Test
  void optionsNameTheBadValue() {
    assertThatThrownBy(() -> new FeatureRequestDetector.Options(0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.0");
    assertThatThrownBy(() -> new FeatureRequestDetector.Options(1.5))
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> new FeatureRequestDetector.Options(Double.NaN))
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> DETECTOR.detect(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void resultsAreImmutable() {
    RequestDetection d = DETECTOR.detect("Please add a dark mode.");
    assertThatThrownBy(() -> d.cues().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new RequestDetection(true, 1.2, "", List.of()))
        .hasMessageContaining("1.2");
  }

  @Test
  void veryLongAnswersAreBoundedAndStillRead() {
    String filler = "The app is fine and I use it every day. ".repeat(400);
    RequestDetection d = DETECTOR.detect("Please add a dark mode. " + filler);
    assertThat(d.request()).isTrue();
    String oneHugeSentence = "word ".repeat(10_000) + "please add a dark mode";
    // Past MAX_CHARS the end is not read; the call returns quickly either way.
    assertThat(DETECTOR.detect(oneHugeSentence).request()).isFalse();
  }
}
