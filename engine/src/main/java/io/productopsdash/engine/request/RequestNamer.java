package io.productopsdash.engine.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A readable name saying the ask of a group of requests: "Support Bitcoin Lightning", "Add dark
 * mode", "Export transactions to CSV". The name starts from the group's most central ask phrase
 * (the one most similar, on average, to the others; ties to the shorter), loses its possessives
 * and fillers, and gets a verb: the phrase's own when it starts with one ("export …", "hide …"),
 * "Support" for a named thing (a network, a device, a language), "Add" otherwise. A name already
 * taken in the series gets the group's next most telling term, then a number.
 */
public final class RequestNamer {
  private RequestNamer() {}

  /** The longest name, in words (before any suffix that makes it unique). */
  static final int MAX_WORDS = 7;

  private static final Set<String> VERBS =
      Set.of(
          "export", "import", "hide", "show", "cancel", "bridge", "sync", "translate", "scan",
          "lock", "unlock", "share", "sort", "filter", "search", "connect", "pair", "stake",
          "set", "choose", "tag", "label", "send", "receive", "pay", "buy", "sell", "track",
          "monitor", "schedule", "undo", "print", "record", "dictate", "attach", "link", "edit",
          "move", "switch", "customize", "customise", "change", "save", "download", "upload",
          "sign", "bump", "abort", "restore", "encrypt", "clip", "remind", "notify", "display",
          "write", "type", "swap", "transfer", "log", "open", "view", "create", "manage", "split",
          "merge", "group", "rename", "archive", "pin", "star", "favourite", "favorite", "collaborate",
          "render", "insert", "paste", "drag", "jot", "sketch", "top", "earn", "hold");
  private static final Set<String> DROPPED =
      Set.of(
          "my", "our", "your", "their", "its", "me", "us", "please", "the", "a", "an", "some", "just",
          "really", "also", "here", "directly", "myself", "too", "i", "we", "could", "would",
          "can", "be", "able", "all", "every");

  /**
   * The name of a group.
   *
   * @param phrases the group's ask phrases (English)
   * @param similarity their pairwise similarity (same order)
   * @param terms each phrase's terms
   * @param english whether each phrase is English (a gloss of another language reads worse)
   * @param taken names already used in the series (lower case); the chosen name is added
   */
  public static String name(
      List<String> phrases,
      double[][] similarity,
      List<List<AskTerms.Term>> terms,
      List<Boolean> english,
      Set<String> taken) {
    Objects.requireNonNull(phrases, "phrases");
    if (phrases.isEmpty()) {
      throw new IllegalArgumentException("A group without asks has no name");
    }
    // How many asks name each term (anywhere), and which the group names most (heads count double).
    Map<String, Integer> termCounts = new HashMap<>();
    Map<String, Double> weights = new HashMap<>();
    Map<String, AskTerms.Term> byTerm = new HashMap<>();
    for (List<AskTerms.Term> ts : terms) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (AskTerms.Term t : ts) {
        weights.merge(t.term(), t.argument() ? 0.5 : 1.0, Double::sum);
        if (seen.add(t.term())) {
          termCounts.merge(t.term(), 1, Integer::sum);
        }
        if (!t.argument() || !byTerm.containsKey(t.term())) {
          byTerm.put(t.term(), t);
        }
      }
    }
    String dominant =
        weights.entrySet().stream()
            .sorted((x, y) -> !x.getValue().equals(y.getValue()) ? Double.compare(y.getValue(), x.getValue()) : x.getKey().compareTo(y.getKey()))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    // The terms two asks or more and at least a third of them name, most named first (at most
    // three): a good name covers them ("export transactions to CSV", not "export button").
    List<String> common =
        termCounts.entrySet().stream()
            .filter(e -> e.getValue() >= 2 && e.getValue() * 3 >= phrases.size())
            .sorted((x, y) -> !x.getValue().equals(y.getValue()) ? y.getValue() - x.getValue() : x.getKey().compareTo(y.getKey()))
            .limit(3)
            .map(Map.Entry::getKey)
            .toList();
    // The central phrase: most similar to the others on average, naming the group's dominant term
    // and its common terms, not an anaphora ("hide them"), at most six words.
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < phrases.size(); i++) {
      final int fi = i;
      double sum = 0;
      for (int j = 0; j < phrases.size(); j++) {
        if (i != j) {
          sum += similarity[i][j];
        }
      }
      double mean = phrases.size() == 1 ? 1 : sum / (phrases.size() - 1);
      String cleaned = clean(phrases.get(i));
      int words = cleaned.isEmpty() ? 99 : cleaned.split("\\s+").length;
      boolean named = dominant != null && terms.get(i).stream().anyMatch(t -> t.term().equals(dominant));
      boolean anaphora = ANAPHORA.matcher(phrases.get(i)).find() || REDACTED.matcher(phrases.get(i)).find();
      long covered = common.stream().filter(t -> terms.get(fi).stream().anyMatch(x -> x.term().equals(t))).count();
      double coverage = common.isEmpty() ? 0 : covered / (double) common.size();
      double score =
          mean + (named ? 0.3 : 0) + 0.3 * coverage + (english.get(i) ? 0.2 : 0) - (anaphora ? 1 : 0)
              - (words > 6 ? 0.3 : 0) - 0.02 * words;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    String name;
    AskTerms.Term top = dominant == null ? null : byTerm.get(dominant);
    List<AskTerms.Term> centralTerms = terms.get(best);
    boolean centralIsEntityOnly =
        !centralTerms.isEmpty() && centralTerms.stream().filter(t -> !t.argument()).allMatch(AskTerms.Term::entity);
    AskVocabulary.Entry known = top == null ? null : AskVocabulary.standard().term(top.term()).orElse(null);
    if (top != null && top.entity() && (centralIsEntityOnly || termCounts.get(dominant) * 2 >= phrases.size())) {
      name = "Support " + top.display();
    } else if (known != null && !known.entity() && termCounts.get(dominant) * 2 >= phrases.size()
        && !clean(phrases.get(best)).toLowerCase(Locale.ROOT).contains(known.display().toLowerCase(Locale.ROOT))) {
      // Most asks name one capability of the vocabulary ("biometric unlock", "recurring buys").
      name = withVerb(known.display());
    } else {
      name = withVerb(clean(phrases.get(best)));
    }
    return unique(name, termCounts, byTerm, taken);
  }

  /** A name for the family group of entities ("hardware wallets", "languages"). */
  public static String familyName(String display, Set<String> taken) {
    String name = "Support " + display;
    return unique(name, Map.of(), Map.of(), taken);
  }

  private static final java.util.regex.Pattern ANAPHORA =
      java.util.regex.Pattern.compile("(?i)\\b(?:it|them|this|that|these|those|mine)\\b");
  private static final java.util.regex.Pattern REDACTED = java.util.regex.Pattern.compile("\\[[a-z][a-z _-]{0,30}\\]");

  private static String clean(String phrase) {
    List<String> words = new ArrayList<>();
    for (String w : REDACTED.matcher(phrase).replaceAll(" ").replaceAll("[?!.,;:]+", " ").strip().split("\\s+")) {
      if (!w.isEmpty() && !DROPPED.contains(w.toLowerCase(Locale.ROOT))) {
        words.add(w);
      }
    }
    while (!words.isEmpty() && Set.of("add", "adding", "support", "have", "get", "see", "let", "make", "give", "allow", "use")
        .contains(words.get(0).toLowerCase(Locale.ROOT))) {
      words.remove(0);
    }
    // "Export of transactions": a verb's object needs no "of".
    if (words.size() > 2 && VERBS.contains(words.get(0).toLowerCase(Locale.ROOT)) && words.get(1).equalsIgnoreCase("of")) {
      words.remove(1);
    }
    if (words.size() > MAX_WORDS) {
      words = words.subList(0, MAX_WORDS);
    }
    while (!words.isEmpty() && Set.of("and", "or", "for", "to", "with", "in", "on", "of", "from", "at", "without", "when", "before")
        .contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) {
      words.remove(words.size() - 1);
    }
    return String.join(" ", words);
  }

  private static String withVerb(String phrase) {
    if (phrase.isEmpty()) {
      return "Unnamed request";
    }
    String firstWord = phrase.split("\\s+")[0];
    String first = firstWord.toLowerCase(Locale.ROOT);
    if (VERBS.contains(first)) {
      return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
    // "Price alerts" opened its sentence; after "Add" it is "price alerts" (names and acronyms stay).
    boolean capitalisedOnlyAsFirst =
        firstWord.matches("\\p{Lu}\\p{Ll}+")
            && AskVocabulary.standard().phrase(first).map(e -> !e.entity()).orElse(true);
    return "Add " + (capitalisedOnlyAsFirst ? first + phrase.substring(firstWord.length()) : phrase);
  }

  private static String unique(
      String name, Map<String, Integer> termCounts, Map<String, AskTerms.Term> byTerm, Set<String> taken) {
    String candidate = name;
    if (taken.contains(candidate.toLowerCase(Locale.ROOT))) {
      String lower = name.toLowerCase(Locale.ROOT);
      for (String t :
          termCounts.entrySet().stream()
              .sorted((x, y) -> !x.getValue().equals(y.getValue()) ? y.getValue() - x.getValue() : x.getKey().compareTo(y.getKey()))
              .map(Map.Entry::getKey)
              .toList()) {
        String display = byTerm.get(t).display();
        if (!lower.contains(display.toLowerCase(Locale.ROOT))) {
          String withTerm = name + " (" + display + ")";
          if (!taken.contains(withTerm.toLowerCase(Locale.ROOT))) {
            candidate = withTerm;
            break;
          }
        }
      }
    }
    int n = 2;
    String base = candidate;
    while (taken.contains(candidate.toLowerCase(Locale.ROOT))) {
      candidate = base + " (" + n++ + ")";
    }
    taken.add(candidate.toLowerCase(Locale.ROOT));
    return candidate;
  }
}
