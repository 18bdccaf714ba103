package io.productopsdash.engine.text.enrich;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Sentence sentiment with CoreNLP's recursive sentiment model over binarized parse trees from the
 * shift-reduce parser. Its pipeline is separate from the enrichment one and loads lazily on first
 * use (the parser model is 64 MB and takes seconds), so enrichment never waits for it.
 *
 * <p>The shift-reduce parser rather than the default PCFG: on 2 threads the issue measured about 85
 * answers/s against 23 for the PCFG. Thread-safe.
 */
public final class SentimentAnalyzer {
  /** The shift-reduce parser model, from the {@code models-english} classifier jar. */
  public static final String PARSER_MODEL = "edu/stanford/nlp/models/srparser/englishSR.ser.gz";

  /** Longest sentence (tokens) that is parsed; longer ones are skipped by the parser as neutral. */
  public static final int MAX_SENTENCE_TOKENS = 80;

  private final StanfordCoreNLP pipeline;

  /** An analyzer over {@code pipeline}, which must end with parse (binary trees) and sentiment. */
  public SentimentAnalyzer(StanfordCoreNLP pipeline) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
  }

  /** The process-wide analyzer; the first call loads the tagger, parser and sentiment models. */
  public static SentimentAnalyzer shared() {
    return Shared.INSTANCE;
  }

  /** The settings of the shared pipeline, as a fresh copy. */
  public static Properties properties() {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    p.setProperty("tokenize.language", "en");
    p.setProperty("parse.model", PARSER_MODEL);
    p.setProperty("parse.binaryTrees", "true");
    p.setProperty("parse.maxlen", Integer.toString(MAX_SENTENCE_TOKENS));
    return p;
  }

  /** The sentiment of {@code text}; a blank text is neutral. */
  public Sentiment analyze(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      return Sentiment.ofClasses(new int[0]);
    }
    Annotation annotation = new Annotation(text);
    pipeline.annotate(annotation);
    List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
    int[] classes = new int[sentences.size()];
    int n = 0;
    for (CoreMap sentence : sentences) {
      Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      if (tree != null) {
        classes[n++] = RNNCoreAnnotations.getPredictedClass(tree);
      }
    }
    return Sentiment.ofClasses(java.util.Arrays.copyOf(classes, n));
  }

  private static final class Shared {
    static final SentimentAnalyzer INSTANCE =
        new SentimentAnalyzer(new StanfordCoreNLP(properties()));
  }
}
