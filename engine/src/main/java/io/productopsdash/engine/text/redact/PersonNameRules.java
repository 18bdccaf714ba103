package io.productopsdash.engine.text.redact;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import io.productopsdash.engine.text.vocabulary.ProductVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which person names tagged by NER are redacted: a name needs evidence, not the tag alone, and
 * product words are never names.
 *
 * <p>For each run of consecutive tokens the NER model tagged PERSON:
 *
 * <ol>
 *   <li>when every token lies inside a product term ({@link ProductVocabulary}) the run is kept
 *       ("Solana", "Nano X", "Wallet of Satoshi", "Chase"), unless a naming cue stands right
 *       before it ("my name is Chase", "Mr Chase");
 *   <li>otherwise it is redacted when a capitalised token outside the product terms is a known
 *       given or family name ({@link KnownNames}: "Maria Lopez", "Chase Smith"), or when a cue
 *       stands before it: a naming cue, or a weaker one ("the agent", "spoke to", "I'm", "hi",
 *       "@");
 *   <li>anything else is kept: a capitalised word NER took for a person with no sign that it is
 *       one ("Pendle", "Yoroi").
 * </ol>
 *
 * A redacted run is redacted whole. Immutable and thread-safe.
 */
public final class PersonNameRules {
  /** What was decided for one run, and why. */
  public enum Verdict {
    /** Redacted: a token is a known given or family name. */
    KNOWN_NAME(true),
    /** Redacted: a name cue stands before it. */
    NAME_CUE(true),
    /** Kept: every token is a product term. */
    PRODUCT_TERM(false),
    /** Kept: not a known name and no cue. */
    NO_EVIDENCE(false);

    private final boolean redacted;

    Verdict(boolean redacted) {
      this.redacted = redacted;
    }

    public boolean redacted() {
      return redacted;
    }
  }

  /** A token of a PERSON run: its text and {@code [start, end)} in the original text. */
  public record Token(String word, int start, int end) {}

  /**
   * The decision on one run.
   *
   * @param start offset of the run's first character
   * @param end offset after its last character
   * @param verdict redacted or kept, and why
   */
  public record Decision(int start, int end, Verdict verdict) {}

  /* Cues that name a person outright; they win over a product term ("my name is Chase"). */
  private static final Pattern NAMING_CUE =
      Pattern.compile(
          "(?i)(?:\\bmy\\s+name\\s+is|\\bname\\s*(?:is|'s|:)|\\b(?:mr|mrs|ms|miss|mx|dr|sir|madam|"
              + "mme|herr|frau)\\.?)\\s*$");
  /* Cues after which a capitalised word is most likely a person, but not strong enough to override
   * a product term ("hi Kraken team", "@Phantom"). */
  private static final Pattern PERSON_CUE =
      Pattern.compile(
          "(?i)(?:\\bi\\s+am|\\bi['\u2019]?m|\\bthis\\s+is|\\bagent|\\badvis[oe]r|\\brepresentative|\\brep"
              + "|\\bcolleague|\\bmanager|\\bspoke\\s+(?:to|with)|\\btalked\\s+(?:to|with)"
              + "|\\bchatted\\s+with|\\bdear|\\bhi|\\bhello|\\bhey|\\bcc)\\s*[,:]?\\s*$");
  private static final int CUE_WINDOW = 40;

  private final KnownNames names;

  private PersonNameRules(KnownNames names) {
    this.names = names;
  }

  /** The rules over {@link KnownNames#standard()}. */
  public static PersonNameRules standard() {
    return Standard.INSTANCE;
  }

  /** The rules over other name lists or thresholds. */
  public static PersonNameRules of(KnownNames names) {
    return new PersonNameRules(Objects.requireNonNull(names, "names"));
  }

  /** The runs of consecutive PERSON tokens in each sentence of an annotated document. */
  public static List<List<Token>> personRuns(CoreDocument doc) {
    List<List<Token>> runs = new ArrayList<>();
    for (CoreSentence sentence : doc.sentences()) {
      List<Token> run = new ArrayList<>();
      for (CoreLabel token : sentence.tokens()) {
        if ("PERSON".equals(token.ner())) {
          run.add(new Token(token.word(), token.beginPosition(), token.endPosition()));
        } else if (!run.isEmpty()) {
          runs.add(List.copyOf(run));
          run.clear();
        }
      }
      if (!run.isEmpty()) {
        runs.add(List.copyOf(run));
      }
    }
    return runs;
  }

  /** A decision for each run of {@code text}, in order. */
  public List<Decision> decide(String text, List<List<Token>> runs, ProductVocabulary vocabulary) {
    List<int[]> terms = runs.isEmpty() ? List.of() : vocabulary.occurrences(text);
    List<Decision> out = new ArrayList<>(runs.size());
    for (List<Token> run : runs) {
      int start = run.get(0).start();
      int end = run.get(run.size() - 1).end();
      out.add(new Decision(start, end, verdict(text, run, terms)));
    }
    return out;
  }

  /** The runs of {@code text} that are redacted, as mentions. */
  public List<PersonNameFinder.Mention> redacted(
      String text, List<List<Token>> runs, ProductVocabulary vocabulary) {
    List<PersonNameFinder.Mention> out = new ArrayList<>();
    for (Decision d : decide(text, runs, vocabulary)) {
      if (d.verdict().redacted()) {
        out.add(new PersonNameFinder.Mention(d.start(), d.end()));
      }
    }
    return out;
  }

  private Verdict verdict(String text, List<Token> run, List<int[]> terms) {
    String before = text.substring(Math.max(0, run.get(0).start() - CUE_WINDOW), run.get(0).start());
    boolean naming = NAMING_CUE.matcher(before).find();
    boolean covered = true;
    boolean known = false;
    for (Token t : run) {
      if (inTerm(t, terms)) {
        continue;
      }
      covered = false;
      known |= capitalised(t.word()) && names.isKnown(t.word());
    }
    if (covered && !naming) {
      return Verdict.PRODUCT_TERM;
    }
    if (known) {
      return Verdict.KNOWN_NAME;
    }
    if (naming || PERSON_CUE.matcher(before).find() || before.endsWith("@")) {
      return Verdict.NAME_CUE;
    }
    return Verdict.NO_EVIDENCE;
  }

  private static boolean inTerm(Token t, List<int[]> terms) {
    for (int[] term : terms) {
      if (term[0] <= t.start() && t.end() <= term[1]) {
        return true;
      }
    }
    return false;
  }

  /* "Maria" and "MARIA", not "maria": names are written with a capital. */
  private static boolean capitalised(String word) {
    return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
  }

  private static final class Standard {
    static final PersonNameRules INSTANCE = new PersonNameRules(KnownNames.standard());
  }
}
