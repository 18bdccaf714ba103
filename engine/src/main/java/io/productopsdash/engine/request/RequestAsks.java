package io.productopsdash.engine.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The things one request asks for, as phrases of its English text ({@link
 * RequestDetection#english()}): "Add Lightning and Base please" gives "Lightning" and "Base";
 * "Please add a dark mode. Also a widget would be nice." gives "dark mode" and "widget"; "csv
 * export" gives "csv export". Each request sentence gives its {@link RequestPhrase}, or, for a terse
 * or implicit ask, the words of the ask itself; a phrase that joins short noun phrases with "and",
 * "&" or a comma is cut into one ask per part. Duplicates (the same words) are kept once.
 */
public final class RequestAsks {
  private RequestAsks() {}

  /** The most asks taken from one answer. */
  public static final int MAX_ASKS = 4;

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern COORDINATION = Pattern.compile("\\s*(?:,|\\band\\b|&|\\bplus\\b|\\bas well as\\b)\\s*", FLAGS);
  // Clauses that each ask: "need limit orders, and show me the gas before I swap".
  private static final Pattern CLAUSES = Pattern.compile("\\s*[,;]\\s*(?:and|also|plus)\\s+|\\s+and also\\s+", FLAGS);
  private static final Pattern PREPOSITION =
      Pattern.compile("\\b(?:to|from|between|on|in|into|for|with|over|at|like|via|by|of)\\b", FLAGS);
  private static final Pattern TERSE_NOISE =
      Pattern.compile(
          "(?<![\\w-])(?:please|asap|soon|when|pls|plz|still|no|need|want|really|just|any|only"
              + "|two things|in \\d{4}|yet|seriously|every other \\w+ has (?:one|it))(?![\\w-])"
              + "|[?!.:,]+",
          FLAGS);
  private static final Pattern IMPLICIT_OBJECT =
      Pattern.compile(
          "(?:^\\W*(?:the lack of|lack of|not having|still no|no)\\s+(.+?)\\s+(?:is|means|=|makes|in \\d{4}|yet|\\?|$)"
              + "|\\bwithout\\s+(.+?)\\s+(?:i|we|it|this)\\s"
              + "|^\\W*(.+?)\\s+is (?:the|my) (?:only|one|last|main|obvious|big|biggest) (?:thing|gap|reason|feature|missing piece))",
          FLAGS);

  /** The asks of a detected request, in text order; empty when it is not a request. */
  public static List<String> of(RequestDetection detection) {
    Objects.requireNonNull(detection, "detection");
    if (!detection.request()) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    for (String whole : RequestText.sentences(detection.english())) {
      for (String sentence : CLAUSES.split(whole)) {
      for (String phrase : phrases(sentence)) {
        for (String part : split(phrase)) {
          if (out.size() < MAX_ASKS && seen.add(part.toLowerCase(Locale.ROOT))) {
            out.add(part);
          }
        }
      }
      }
    }
    if (out.isEmpty()) {
      // A request whose phrase could not be cut ("Can I track an address? That would be great."):
      // its first sentence stands for the ask.
      List<String> sentences = RequestText.sentences(detection.english());
      String first = sentences.isEmpty() ? detection.sentence() : sentences.get(0);
      String s = TERSE_NOISE.matcher(first).replaceAll(" ").replaceAll("\\s+", " ").strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  private static List<String> phrases(String sentence) {
    List<String> out = new ArrayList<>();
    List<RequestRules.Match> counted = new ArrayList<>();
    for (RequestRules.Match m : RequestRules.match(sentence)) {
      if (m.suppressedBy().isEmpty()) {
        counted.add(m);
      }
    }
    if (counted.isEmpty()) {
      return out;
    }
    boolean terse = counted.stream().anyMatch(m -> m.rule().kind() == CueKind.TERSE);
    boolean implicit = counted.stream().anyMatch(m -> m.rule().kind() == CueKind.IMPLICIT);
    List<String> implied = new ArrayList<>();
    if (implicit) {
      var m = IMPLICIT_OBJECT.matcher(sentence);
      if (m.find()) {
        for (int g = 1; g <= m.groupCount(); g++) {
          if (m.group(g) != null) {
            RequestPhrase.clean(m.group(g)).ifPresent(implied::add);
          }
        }
      }
    }
    Optional<String> explicit = RequestPhrase.extract(sentence);
    Optional<RequestRules.Match> subjectFirst =
        counted.stream().filter(m -> m.rule().id().equals("nice.subject-first")).findFirst();
    if (subjectFirst.isPresent()) {
      // "Night mode would be great for checking prices in bed": the thing is the subject.
      String match = sentence.substring(subjectFirst.get().start(), subjectFirst.get().end());
      int would = match.toLowerCase(Locale.ROOT).lastIndexOf(" would ");
      if (would > 0) {
        explicit = RequestPhrase.clean(match.substring(0, would));
      }
    }
    Optional<RequestRules.Match> onlyQuestion =
        counted.stream().filter(m -> m.rule().id().equals("implicit.only-question")).findFirst();
    if (onlyQuestion.isPresent()) {
      // "market swaps only? need limit orders": what exists comes first, the ask after the question.
      int q = sentence.indexOf('?', onlyQuestion.get().start());
      String rest = TERSE_NOISE.matcher(sentence.substring(q + 1)).replaceAll(" ").replaceAll("\\s+", " ").strip();
      explicit = rest.isEmpty() ? explicit : Optional.of(rest);
      terse = false;
    }
    if (!implied.isEmpty()) {
      // "without limit orders I still use an exchange": the thing is before the cue's words.
      out.addAll(implied);
    } else if (explicit.isPresent() && !terse) {
      out.add(explicit.get());
    } else if (terse) {
      RequestRules.Match m =
          counted.stream().filter(c -> c.rule().kind() == CueKind.TERSE).findFirst().orElseThrow();
      String clause = sentence.substring(m.start(), m.end());
      int cut = RequestText.clauseEnd(clause, 0);
      if (cut > 0 && !clause.substring(0, cut).toLowerCase(Locale.ROOT).strip().equals("please")) {
        clause = clause.substring(0, cut);
      }
      String s = TERSE_NOISE.matcher(clause).replaceAll(" ").replaceAll("\\s+", " ").strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    // A second clause that asks again after "and": "need limit orders, and show me the gas".
    for (RequestRules.Match m : counted) {
      String before = sentence.substring(Math.max(0, m.start() - 6), m.start()).toLowerCase(Locale.ROOT);
      if (m.rule().weight() >= 0.5 && before.matches(".*\\b(?:and|also|plus)\\s*$") && out.size() < MAX_ASKS) {
        int end = RequestText.clauseEnd(sentence, m.end());
        RequestPhrase.clean(sentence.substring(m.end(), end))
            .filter(p -> out.stream().noneMatch(o -> o.contains(p) || p.contains(o)))
            .ifPresent(out::add);
      }
    }
    return out;
  }

  /** "Lightning and Base" → "Lightning", "Base" when every part is short (at most 6 words). */
  private static List<String> split(String phrase) {
    // "profit and loss" is one thing; "staking for ETH and SOL": a coordination inside an argument
    // is one ask.
    if (AskVocabulary.standard().holdsJoinedPhrase(phrase.toLowerCase(Locale.ROOT))) {
      return List.of(phrase);
    }
    var coordination = COORDINATION.matcher(phrase);
    var preposition = PREPOSITION.matcher(phrase);
    if (coordination.find() && preposition.find() && preposition.start() < coordination.start()) {
      return List.of(phrase);
    }
    String[] parts = COORDINATION.split(phrase);
    if (parts.length < 2) {
      return List.of(phrase);
    }
    List<String> out = new ArrayList<>();
    for (String p : parts) {
      String t = p.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (t.split("\\s+").length > 6) {
        return List.of(phrase);
      }
      out.add(t);
    }
    return out.size() < 2 ? List.of(phrase) : out;
  }
}
