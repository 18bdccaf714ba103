package io.productopsdash.engine.request;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import smile.classification.Maxent;

/**
 * The learned half of request detection: a maximum-entropy (logistic regression) model over sparse
 * binary features of an answer, trained with Smile's {@link Maxent} on the hand-written examples
 * shipped with the project ({@code request-examples.txt}: labelled "request" or "other", written for
 * ProductOpsDash, no row of a public data set). Features: the word unigrams and bigrams of the
 * answer's English text (hashed into {@value #DIMENSION} buckets), the kinds of rule cue that counted
 * or were suppressed and why, whether it asks a question, and its length. So the model learns how
 * much each cue is worth in context, and words the rules do not know.
 *
 * <p>Trained once per process on first use (about 600 examples; a few seconds, the rules' pass over
 * the examples included), with fixed settings and no randomness: the same examples give the same
 * weights on every run.
 */
public final class RequestClassifier {
  /** Hash buckets of the features. */
  static final int DIMENSION = 1 << 15;
  /** L2 penalty of the fit. */
  static final double LAMBDA = 0.1;

  static final String RESOURCE = "request-examples.txt";

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

  private static final class Holder {
    static final RequestClassifier STANDARD = train(RequestClassifier.labelledExamples());
  }

  private final Maxent.Binomial model;
  private final int examples;

  private RequestClassifier(Maxent.Binomial model, int examples) {
    this.model = model;
    this.examples = examples;
  }

  /** The model trained on the shipped examples. */
  public static RequestClassifier standard() {
    return Holder.STANDARD;
  }

  /** How many examples it was trained on. */
  public int examples() {
    return examples;
  }

  /** The probability that the answer behind {@code rules} (its rule detection) asks for something. */
  public double probability(RequestDetection rules) {
    Objects.requireNonNull(rules, "rules");
    double[] posteriori = new double[2];
    model.predict(features(rules), posteriori);
    return posteriori[1];
  }

  /** The sparse feature indices of a detection (sorted, distinct). */
  static int[] features(RequestDetection d) {
    TreeSet<Integer> out = new TreeSet<>();
    String lower = d.english().toLowerCase(Locale.ROOT);
    Matcher m = WORD.matcher(lower);
    String previous = "<s>";
    int words = 0;
    while (m.find()) {
      String w = m.group().matches("\\d+") ? "<num>" : m.group();
      out.add(bucket("w:" + w));
      out.add(bucket("b:" + previous + " " + w));
      previous = w;
      words++;
    }
    out.add(bucket("b:" + previous + " </s>"));
    for (RequestCue c : d.cues()) {
      out.add(bucket(c.counts() ? "cue:" + c.kind() : "suppressed:" + c.kind() + ":" + c.suppressedBy().replaceAll(":.*", "")));
    }
    out.add(bucket(d.cues().stream().anyMatch(RequestCue::counts) ? "cues:some" : "cues:none"));
    out.add(bucket(lower.contains("?") ? "question" : "statement"));
    out.add(bucket(words <= 3 ? "len:1-3" : words <= 8 ? "len:4-8" : words <= 25 ? "len:9-25" : "len:26+"));
    out.add(bucket("lang:" + d.language().code()));
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int bucket(String feature) {
    return Math.floorMod(feature.hashCode(), DIMENSION);
  }

  static RequestClassifier train(List<String[]> labelled) {
    FeatureRequestDetector rules = FeatureRequestDetector.standard();
    int[][] x = new int[labelled.size()][];
    int[] y = new int[labelled.size()];
    for (int i = 0; i < labelled.size(); i++) {
      x[i] = features(rules.rules(labelled.get(i)[1]));
      y[i] = labelled.get(i)[0].equals("request") ? 1 : 0;
    }
    return new RequestClassifier(Maxent.binomial(DIMENSION, x, y, LAMBDA, 1e-5, 500), labelled.size());
  }

  /** The shipped examples as {label, text}, in file order. */
  static List<String[]> labelledExamples() {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = RequestClassifier.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        String label = tab < 0 ? "" : line.substring(0, tab);
        if (!label.equals("request") && !label.equals("other")) {
          throw new IllegalStateException(RESOURCE + ": expected request|other<TAB>text, got " + line);
        }
        out.add(new String[] {label, line.substring(tab + 1).strip()});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
