package io.productopsdash.engine.text.nlp;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Properties;

/**
 * The process-wide CoreNLP pipelines. Each is built on first use (class-holder idiom: the JVM's
 * class initialisation makes it lazy, once, and safe to race) and then shared by every thread;
 * {@link StanfordCoreNLP#annotate} may be called concurrently on one pipeline.
 */
public final class NlpPipelines {
  /** The CRF model of the NER pipeline: PERSON, ORGANIZATION, LOCATION. */
  public static final String NER_MODEL =
      "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  private NlpPipelines() {}

  /**
   * The settings of {@link #ner()}, as a fresh copy: tokenize, ssplit, pos, lemma, ner with only
   * the 3-class CRF, no SUTime, no numeric or fine-grained classifiers, and entity mentions.
   *
   * <p>Measured on Banking77 train, 2 threads ({@code bench/redaction-bench.sh --compare-ner}): the
   * default combination of the 3-, 4- and 7-class CRFs was 2 to 4 times slower and found exactly
   * the same persons, on Banking77 and on planted names. Without pos and lemma (NER does not need
   * them once SUTime and the numeric classifiers are off) the same persons come out and it was up
   * to twice as fast in three of four runs; pos and lemma stay so that the enrichment stage can
   * take tokens, POS-aware lemmas and names from one annotation.
   */
  public static Properties nerProperties() {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
    p.setProperty("tokenize.language", "en");
    p.setProperty("ner.model", NER_MODEL);
    p.setProperty("ner.useSUTime", "false");
    p.setProperty("ner.applyNumericClassifiers", "false");
    p.setProperty("ner.applyFineGrained", "false");
    p.setProperty("ner.buildEntityMentions", "true");
    return p;
  }

  /** The shared NER pipeline; the first call loads the models (a few seconds). */
  public static StanfordCoreNLP ner() {
    return NerHolder.PIPELINE;
  }

  /**
   * The shared part-of-speech pipeline (tokenize, ssplit, pos, lemma): what theme names are
   * parsed with, without the NER model; the first call loads the tagger (about a second).
   */
  public static StanfordCoreNLP posLemma() {
    return PosHolder.PIPELINE;
  }

  private static final class PosHolder {
    static final StanfordCoreNLP PIPELINE = new StanfordCoreNLP(posProperties());

    private static Properties posProperties() {
      Properties p = new Properties();
      p.setProperty("annotators", "tokenize,ssplit,pos,lemma");
      p.setProperty("tokenize.language", "en");
      return p;
    }
  }

  private static final class NerHolder {
    static final StanfordCoreNLP PIPELINE = new StanfordCoreNLP(nerProperties());
  }
}
