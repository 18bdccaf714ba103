package io.productopsdash.engine.request;

import io.productopsdash.engine.text.redact.Placeholders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pulls the requested thing out of a request sentence: "Please add a dark mode!" gives "dark
 * mode", "It would be great to have support for Solana" gives "support for Solana", "A widget
 * would be nice" gives "widget". Used to label request themes; the words keep their case.
 *
 * <p>The strongest counted cue of the sentence decides where to look: the rest of its clause
 * ("please add …", "I wish there was …"), or, when that is empty, the clause before it ("a
 * widget would be nice"). Leading fillers ("to have", "there was a way to", "the option to",
 * "you could") and determiners are dropped, and the phrase is cut at the first explanation
 * ("so that", "because", "which") and kept to at most {@value #MAX_WORDS} words.
 */
public final class RequestPhrase {
  private RequestPhrase() {}

  /** The longest phrase returned, in words. */
  public static final int MAX_WORDS = 8;

  private static final Set<CueKind> OBJECT_FIRST =
      Set.of(CueKind.WOULD_BE_NICE, CueKind.MISSING, CueKind.CONDITIONAL, CueKind.CAPABILITY);

  /** Cues below this weight (capability nouns, a bare "please") do not start a phrase. */
  private static final double WEAK = 0.5;

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  // Applied repeatedly at the start of the phrase until none matches.
  private static final Pattern LEADING_FILLER =
      Pattern.compile(
          "^(?:[\\s,:;\\-]+|(?:if|that|to|for|when|whenever|once|is|are|was|were|being|having"
              + "|have|had|has|get|getting|got|see|seeing|add|adding|added|include|including"
              + "|included|put|bring|bringing|back|make|making|give|offer|offering|provide"
              + "|implement|implementing|introduce|create|also|just"
              + "|please|maybe|perhaps|really|definitely|some kind of|some sort of|some type of"
              + "|kind of|sort of|a lot of|lots of|a lot|a bit of|a little|at least|able to"
              + "|be able to|been able to|be|me|us|users"
              + "|could|would|can|will|should|might|must|suggest(?:ing)?(?: that)?|propose"
              + "|request(?:ing)?|the idea (?:of|that)"
              + "|people|everyone|one|again|even|still|already|too|actually|simply|only|then"
              + "|there (?:was|were|is|are|would be|could be|will be|should be|'d be|be)"
              + "|(?:i|we|you|they|it|he|she|the app|this app|the devs?|the developers?|someone"
              + "|one|users)(?:'d| (?:could|would|can|will|had|has|have|did|do|should|might"
              + "|must|need to|want to|were|was|added|supported|included|offered|allowed|let"
              + "|gave|showed|made|got|brought|provided|integrated|synced|came with))"
              + "|(?:i|we|you|they)(?= \\w)"
              + "|(?:an? |the |more |some )?(?:option|ability|possibility|way|chance|choice"
              + "|feature|function|setting|button|capability|means)s? (?:to|for|of|that lets you"
              + "|that allows you to|where you can|allowing|letting you|so you can|so we can)"
              + "|allow(?:ing|s)? (?:me|us|users|people|you|one) to|let(?:ting|s)? (?:me|us|users"
              + "|people|you|one))\\b)",
          FLAGS);
  private static final Pattern ANAPHORA =
      Pattern.compile(
          "^(?:it|them|this|that|these|those)(?:\\s+(?:in|on|to|for|with|into|at|from|as|so"
              + "|please|back|again|too|asap|soon|now)\\b|\\W*$)",
          FLAGS);
  private static final Pattern LEADING_DETERMINER =
      Pattern.compile(
          "^(?:a|an|the|some|any|this|that|these|those|my|your|our|their|its|another)\\s+",
          FLAGS);
  // Where the requested thing ends and the explanation starts.
  private static final Pattern EXPLANATION =
      Pattern.compile(
          "\\s(?:so that|so|because|cause|cuz|since|which|who|that would|that way|in order"
              + "|to make|instead|rather than|other than|otherwise|though|as well|as it|like the"
              + "|like in|like on|like other|like it|like you|please|thanks|thank|would be"
              + "|would make|would help|will be|if|when|while|for me|for us|it would|it'd"
              + "|or else|lol|in order|or (?:at least|let|make|allow|give|something|whatever|even"
              + "|just|maybe|simply|else|at|so)|i|i'm|i've|i'd|i'll|we'd|we're|you'd|you're)\\b",
          FLAGS);
  private static final Set<String> TRAILING_STOP =
      Set.of(
          "and", "or", "the", "a", "an", "to", "of", "for", "with", "in", "on", "at", "it", "is",
          "be", "by", "from", "your", "my", "our", "their", "its", "this", "that", "some", "any",
          "more", "so", "but", "as", "like", "please", "too", "also", "again", "then", "just",
          "very", "really", "than", "are", "was", "were", "i", "we", "you", "they", "how",
          "what", "where", "which", "because", "if", "&");
  private static final Set<String> MEANINGLESS =
      Set.of(
          "it", "this", "that", "them", "these", "those", "something", "things", "thing", "stuff",
          "more", "one", "me", "us", "you", "back", "better", "please", "so", "too", "again",
          // Generic verbs: "that needs to change", "please update" name no thing.
          "change", "update", "fix", "work", "improve", "improvement", "use", "view", "see",
          "removed", "remove", "think", "feel", "go back", "do", "have", "get", "add", "make",
          "app", "great", "nice", "good", "perfect", "often", "soon", "now", "please change");
  private static final Pattern EDGE_PUNCTUATION =
      Pattern.compile("^[\\s\\p{Punct}&&[^#@$(\"]]+|[\\s\\p{Punct}&&[^)%\"]]+$");

  /**
   * The requested thing in the answer behind {@code detection}, or empty when the answer is not a
   * request or no phrase could be cut.
   */
  public static Optional<String> of(RequestDetection detection) {
    Objects.requireNonNull(detection, "detection");
    if (!detection.request()) {
      return Optional.empty();
    }
    return extract(detection.sentence());
  }

  /**
   * The requested thing in one sentence, or empty when no counted cue matches in it or nothing
   * but fillers follows the cue.
   */
  public static Optional<String> extract(String sentence) {
    Objects.requireNonNull(sentence, "sentence");
    for (String s : RequestText.sentences(sentence)) {
      Optional<String> phrase = fromSentence(s);
      if (phrase.isPresent()) {
        return phrase;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> fromSentence(String sentence) {
    List<RequestRules.Match> counted = new ArrayList<>();
    for (RequestRules.Match m : RequestRules.match(sentence)) {
      if (m.suppressedBy().isEmpty()) {
        counted.add(m);
      }
    }
    if (counted.isEmpty()) {
      return Optional.empty();
    }
    // Strongest cue first, then the earliest; the first that is followed by a phrase wins.
    counted.sort(
        Comparator.comparingDouble((RequestRules.Match m) -> -m.rule().weight())
            .thenComparingInt(RequestRules.Match::start)
            .thenComparing(m -> m.rule().id()));
    for (RequestRules.Match m : counted) {
      if (m.rule().weight() < WEAK) {
        continue;
      }
      int end = RequestText.clauseEnd(sentence, m.end());
      Optional<String> after = clean(sentence.substring(m.end(), end));
      if (after.isPresent()) {
        return after;
      }
    }
    // "A widget would be nice", "the search feature is missing": the thing comes first.
    RequestRules.Match best = counted.get(0);
    if (OBJECT_FIRST.contains(best.rule().kind())) {
      Optional<String> before =
          clean(sentence.substring(clauseStart(sentence, best.start()), best.start()));
      if (before.isPresent()) {
        return before;
      }
    }
    // A capability noun names the thing itself: "dark mode", "widget".
    for (RequestRules.Match m : counted) {
      if (m.rule().kind() == CueKind.CAPABILITY) {
        Optional<String> named = clean(sentence.substring(m.start(), m.end()));
        if (named.isPresent()) {
          return named;
        }
      }
    }
    return Optional.empty();
  }

  /** Start of the clause that ends at {@code before}. */
  private static int clauseStart(String sentence, int before) {
    int start = 0;
    int from = 0;
    while (from < before) {
      int end = RequestText.clauseEnd(sentence, from);
      if (end >= before) {
        break;
      }
      start = end + 1;
      from = end + 1;
    }
    return Math.min(start, before);
  }

  static Optional<String> clean(String raw) {
    // A request's name never holds a redaction placeholder: the phrase ends before the first one.
    int placeholder = Placeholders.firstIn(raw);
    String p = (placeholder < 0 ? raw : raw.substring(0, placeholder)).strip();
    String previous;
    do {
      previous = p;
      p = LEADING_FILLER.matcher(p).replaceFirst("").strip();
      if (ANAPHORA.matcher(p).find()) {
        // "please include this in the next release": the thing was named in another sentence.
        return Optional.empty();
      }
      p = LEADING_DETERMINER.matcher(p).replaceFirst("").strip();
    } while (!p.equals(previous));
    var explanation = EXPLANATION.matcher(" " + p);
    if (explanation.find()) {
      p = p.substring(0, Math.max(0, explanation.start() - 1));
    }
    p = EDGE_PUNCTUATION.matcher(p).replaceAll("");
    List<String> words = Arrays.asList(p.split("\\s+"));
    if (words.size() > MAX_WORDS) {
      words = words.subList(0, MAX_WORDS);
    }
    int last = words.size();
    while (last > 0 && TRAILING_STOP.contains(words.get(last - 1).toLowerCase(Locale.ROOT))) {
      last--;
    }
    String phrase =
        EDGE_PUNCTUATION.matcher(String.join(" ", words.subList(0, last))).replaceAll("").strip();
    if (phrase.length() < 3 || MEANINGLESS.contains(phrase.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(phrase);
  }
}
