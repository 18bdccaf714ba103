package io.productopsdash.engine.request;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small binary logistic regression over binary word uni- and bigram features, optionally with
 * the rule detector's cue kinds as extra features. For the benchmark's learned variant only: it
 * is never shipped, because the review sets it is trained on do not state a licence.
 *
 * <p>Deterministic: the vocabulary is sorted, training is full-batch AdaGrad from zero weights
 * for a fixed number of epochs; no random numbers. The loss is the mean log-loss plus {@code
 * l2/2 ‖w‖²} (bias not penalised); n-grams seen in fewer than {@code minCount} training texts are
 * dropped.
 */
final class NgramLogisticRegression {
  /**
   * Training options.
   *
   * @param minCount minimum number of training texts an n-gram must occur in
   * @param l2 L2 penalty on the weights
   * @param epochs full-batch AdaGrad iterations
   * @param learningRate AdaGrad step size
   * @param ruleFeatures whether the rule detector's cue kinds are features
   * @param balanced whether each class weighs half of the loss (positives are rare)
   */
  record Options(
      int minCount,
      double l2,
      int epochs,
      double learningRate,
      boolean ruleFeatures,
      boolean balanced) {
    Options {
      if (minCount < 1) {
        throw new IllegalArgumentException("Invalid minCount: " + minCount);
      }
      if (!(l2 >= 0)) {
        throw new IllegalArgumentException("Invalid l2: " + l2);
      }
      if (epochs < 1) {
        throw new IllegalArgumentException("Invalid epochs: " + epochs);
      }
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("Invalid learningRate: " + learningRate);
      }
    }

    static Options defaults(boolean ruleFeatures, boolean balanced) {
      return new Options(2, 1e-3, 300, 0.5, ruleFeatures, balanced);
    }
  }

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}']+");

  private final Map<String, Integer> vocabulary;
  private final double[] weights;
  private final double bias;
  private final FeatureRequestDetector rules;

  private NgramLogisticRegression(
      Map<String, Integer> vocabulary,
      double[] weights,
      double bias,
      FeatureRequestDetector rules) {
    this.vocabulary = vocabulary;
    this.weights = weights;
    this.bias = bias;
    this.rules = rules;
  }

  /** The n-gram and cue features of one text, as strings. */
  static Set<String> features(String text, FeatureRequestDetector rules) {
    Set<String> out = new LinkedHashSet<>();
    String normalized = RequestText.normalize(text).toLowerCase(Locale.ROOT);
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(normalized);
    while (m.find()) {
      tokens.add(m.group());
    }
    for (int i = 0; i < tokens.size(); i++) {
      out.add("w:" + tokens.get(i));
      if (i + 1 < tokens.size()) {
        out.add("b:" + tokens.get(i) + " " + tokens.get(i + 1));
      }
    }
    if (rules != null) {
      RequestDetection d = rules.detect(text);
      for (RequestCue c : d.cues()) {
        out.add((c.counts() ? "cue:" : "suppressed:") + c.kind());
      }
      if (d.request()) {
        out.add("rules:request");
      }
    }
    return out;
  }

  static NgramLogisticRegression fit(
      List<String> texts, List<Boolean> labels, Options options, FeatureRequestDetector rules) {
    if (texts.size() != labels.size() || texts.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid training set: " + texts.size() + " texts, " + labels.size() + " labels");
    }
    FeatureRequestDetector cueSource = options.ruleFeatures() ? rules : null;
    List<Set<String>> docs = new ArrayList<>();
    Map<String, Integer> df = new TreeMap<>();
    for (String t : texts) {
      Set<String> f = features(t, cueSource);
      docs.add(f);
      for (String s : f) {
        df.merge(s, 1, Integer::sum);
      }
    }
    Map<String, Integer> vocabulary = new TreeMap<>();
    for (Map.Entry<String, Integer> e : df.entrySet()) {
      if (e.getValue() >= options.minCount()) {
        vocabulary.put(e.getKey(), vocabulary.size());
      }
    }
    int n = docs.size();
    int[][] x = new int[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = indices(docs.get(i), vocabulary);
      y[i] = labels.get(i) ? 1.0 : 0.0;
    }
    long positives = labels.stream().filter(l -> l).count();
    // Balanced: positives and negatives each carry half of the total weight n.
    double positiveWeight =
        options.balanced() && positives > 0 ? n / (2.0 * positives) : 1.0;
    double negativeWeight =
        options.balanced() && positives < n ? n / (2.0 * (n - positives)) : 1.0;
    double[] w = new double[vocabulary.size()];
    double b = 0.0;
    double[] g2 = new double[w.length];
    double b2 = 0.0;
    double[] grad = new double[w.length];
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      Arrays.fill(grad, 0.0);
      double gb = 0.0;
      for (int i = 0; i < n; i++) {
        double z = b;
        for (int j : x[i]) {
          z += w[j];
        }
        double err = (sigmoid(z) - y[i]) * (y[i] > 0 ? positiveWeight : negativeWeight);
        for (int j : x[i]) {
          grad[j] += err;
        }
        gb += err;
      }
      for (int j = 0; j < w.length; j++) {
        double g = grad[j] / n + options.l2() * w[j];
        g2[j] += g * g;
        w[j] -= options.learningRate() * g / (Math.sqrt(g2[j]) + 1e-8);
      }
      gb /= n;
      b2 += gb * gb;
      b -= options.learningRate() * gb / (Math.sqrt(b2) + 1e-8);
    }
    return new NgramLogisticRegression(vocabulary, w, b, cueSource);
  }

  private static int[] indices(Set<String> features, Map<String, Integer> vocabulary) {
    return features.stream()
        .map(vocabulary::get)
        .filter(java.util.Objects::nonNull)
        .mapToInt(Integer::intValue)
        .sorted()
        .toArray();
  }

  private static double sigmoid(double z) {
    return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
  }

  /** The probability that {@code text} is a request. */
  double probability(String text) {
    double z = bias;
    for (int j : indices(features(text, rules), vocabulary)) {
      z += weights[j];
    }
    return sigmoid(z);
  }

  int vocabularySize() {
    return vocabulary.size();
  }
}
