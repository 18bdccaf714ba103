package io.productopsdash.engine.theme;

import io.productopsdash.engine.text.enrich.NamePhrases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Readable theme names: the 2-6 word phrase ({@link NamePhrases}) that best says what a theme's
 * answers have in common and what sets them apart, in the form most of them write it ("Failed
 * swaps", "Seed phrase backup", "Add Solana support").
 *
 * <p>Score of a phrase for a theme, in the spirit of class-based TF-IDF: the share of the theme's
 * answers that contain it, times {@code log(1 + N / f)} where {@code f} counts the week's {@code N}
 * answers whose lemmas contain all of the phrase's lemmas (how common it is elsewhere), times a
 * preference for phrases of several words ({@link #lengthWeight}), times the weight of the
 * phrase's pattern ({@link NamePhrases.Phrase#weight()}). A phrase must occur in at least
 * {@link #MIN_SUPPORT} answers and {@value #MIN_SHARE} of the theme. A name already used by
 * another living theme is passed over. Without a qualifying phrase of two or more words, the name
 * is the two best one-word phrases joined by "and" ("Card and phone"), else the two best content
 * words. Never a number, an id, a redaction token
 * or a person name: phrases leave those out, and so do the content words.
 */
public final class ThemeNamer {
  /** Fewest answers a naming phrase occurs in. */
  public static final int MIN_SUPPORT = 2;

  /** Smallest share of a theme's answers a naming phrase occurs in. */
  public static final double MIN_SHARE = 0.1;

  /** Most words of a name. */
  public static final int MAX_WORDS = 6;

  /**
   * One answer as naming sees it.
   *
   * @param phrases its candidate phrases
   * @param lemmas its content-word lemmas (from enrichment)
   */
  public record Member(List<NamePhrases.Phrase> phrases, Set<String> lemmas) {
    public Member {
      phrases = List.copyOf(phrases);
      lemmas = Set.copyOf(lemmas);
    }
  }

  /**
   * A scored candidate name.
   *
   * @param key the phrase's lemmas
   * @param name the name: the phrase as most answers write it, first letter in upper case
   * @param surface that phrase as written (proper nouns keep their capitals, other words are lower case)
   * @param score the naming score
   * @param share the share of the theme's answers containing it
   */
  public record Candidate(String key, String name, String surface, double score, double share) {}

  private final Map<String, Integer> lemmaFrequency;
  private final int weekAnswers;

  private ThemeNamer(Map<String, Integer> lemmaFrequency, int weekAnswers) {
    this.lemmaFrequency = lemmaFrequency;
    this.weekAnswers = weekAnswers;
  }

  /** A namer for a week whose answers have these lemma sets (the background of the IDF). */
  public static ThemeNamer of(Collection<Set<String>> weekLemmas) {
    Map<String, Integer> frequency = new HashMap<>();
    for (Set<String> lemmas : weekLemmas) {
      for (String l : lemmas) {
        frequency.merge(l, 1, Integer::sum);
      }
    }
    return new ThemeNamer(frequency, weekLemmas.size());
  }

  /** The candidates of a theme with these members, best first (ties: the shorter, then alphabetical key). */
  public List<Candidate> candidates(List<Member> members, List<Set<String>> weekLemmas) {
    int m = members.size();
    Map<String, Integer> support = new HashMap<>();
    Map<String, Map<String, Integer>> surfaces = new HashMap<>();
    Map<String, Integer> words = new HashMap<>();
    Map<String, Double> weights = new HashMap<>();
    for (Member member : members) {
      Set<String> seen = new HashSet<>();
      for (NamePhrases.Phrase p : member.phrases()) {
        if (p.words() > MAX_WORDS) {
          continue;
        }
        surfaces.computeIfAbsent(p.key(), k -> new HashMap<>()).merge(p.surface(), 1, Integer::sum);
        words.put(p.key(), p.words());
        weights.merge(p.key(), p.weight(), Math::max);
        if (seen.add(p.key())) {
          support.merge(p.key(), 1, Integer::sum);
        }
      }
    }
    int needed = Math.max(MIN_SUPPORT, (int) Math.ceil(MIN_SHARE * m - 1e-9));
    List<Candidate> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : support.entrySet()) {
      if (e.getValue() < needed) {
        continue;
      }
      String key = e.getKey();
      double share = (double) e.getValue() / m;
      int background = background(key, weekLemmas);
      double idf = Math.log(1 + (double) Math.max(weekAnswers, 1) / Math.max(background, 1));
      double score = share * idf * lengthWeight(words.get(key)) * weights.get(key);
      String surface = surfaceOf(surfaces.get(key));
      out.add(new Candidate(key, capitalise(surface), surface, score, share));
    }
    out.sort(
        Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparingInt(c -> c.key().length())
            .thenComparing(Candidate::key));
    return out;
  }

  /**
   * The name of a theme with these members, not one of {@code taken} (compared case-insensitively),
   * and its key (the phrase's lemmas, or the two words').
   */
  public Candidate name(List<Member> members, List<Set<String>> weekLemmas, Set<String> taken) {
    Set<String> used = new HashSet<>();
    taken.forEach(t -> used.add(t.toLowerCase(Locale.ROOT)));
    List<Candidate> candidates = candidates(members, weekLemmas);
    for (Candidate c : candidates) {
      if (c.key().indexOf(' ') > 0 && !used.contains(c.name().toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    // Two one-word phrases: "Card and phone" for a theme of lost cards and lost phones.
    List<Candidate> single = candidates.stream().filter(c -> c.key().indexOf(' ') < 0).toList();
    for (int a = 0; a < single.size(); a++) {
      for (int b = a + 1; b < single.size() && b < a + 4; b++) {
        String name = single.get(a).name() + " and " + single.get(b).surface();
        if (!used.contains(name.toLowerCase(Locale.ROOT))) {
          return new Candidate(single.get(a).key() + " " + single.get(b).key(), name, name, 0, single.get(a).share());
        }
      }
    }
    // Two content words "a and b", best by the same share-times-IDF score.
    Map<String, Integer> support = new HashMap<>();
    for (Member member : members) {
      for (String l : member.lemmas()) {
        if (usableWord(l)) {
          support.merge(l, 1, Integer::sum);
        }
      }
    }
    List<String> best =
        support.keySet().stream()
            .sorted(
                Comparator.<String>comparingDouble(
                        l -> -(double) support.get(l) / members.size()
                            * Math.log(1 + (double) Math.max(weekAnswers, 1) / Math.max(lemmaFrequency.getOrDefault(l, 0), 1)))
                    .thenComparing(l -> l))
            .toList();
    for (int a = 0; a < best.size(); a++) {
      for (int b = a + 1; b < best.size() && b < a + 4; b++) {
        String name = capitalise(best.get(a) + " and " + best.get(b));
        if (!used.contains(name.toLowerCase(Locale.ROOT))) {
          return new Candidate(best.get(a) + " " + best.get(b), name, name, 0, (double) support.get(best.get(a)) / members.size());
        }
      }
    }
    String fallback = best.isEmpty() ? "Other comments" : capitalise(best.get(0));
    String name = fallback;
    for (int k = 2; used.contains(name.toLowerCase(Locale.ROOT)); k++) {
      name = fallback + " (" + k + ")";
    }
    return new Candidate(fallback.toLowerCase(Locale.ROOT), name, name, 0, 0);
  }

  /**
   * The share of answers whose lemmas contain every lemma of {@code key}: how much a name's words
   * still describe a theme's current answers.
   */
  public static double support(String key, List<Set<String>> lemmas) {
    if (lemmas.isEmpty()) {
      return 0;
    }
    String[] parts = key.split(" ");
    int hits = 0;
    for (Set<String> l : lemmas) {
      if (containsAll(l, parts)) {
        hits++;
      }
    }
    return (double) hits / lemmas.size();
  }

  /* Answers of the week whose lemmas contain every content lemma of the key (at least one). */
  private int background(String key, List<Set<String>> weekLemmas) {
    String[] parts = key.split(" ");
    int min = Integer.MAX_VALUE;
    for (String p : parts) {
      if (lemmaFrequency.containsKey(p)) {
        min = Math.min(min, lemmaFrequency.get(p));
      }
    }
    if (min == Integer.MAX_VALUE) {
      return 1; // no content lemma of it is known: as rare as it gets
    }
    if (parts.length == 1) {
      return min;
    }
    int count = 0;
    for (Set<String> l : weekLemmas) {
      if (containsAll(l, parts)) {
        count++;
      }
    }
    return Math.max(count, 1);
  }

  private static boolean containsAll(Set<String> lemmas, String[] parts) {
    boolean any = false;
    for (String p : parts) {
      if (lemmas.contains(p)) {
        any = true;
      } else if (isContentLike(p)) {
        return false;
      }
    }
    return any;
  }

  /* Particles and short function words in a key ("top up") need not be among the content lemmas. */
  private static boolean isContentLike(String lemma) {
    return lemma.length() > 3 || !Arrays.asList("up", "in", "on", "off", "out", "to", "of", "for").contains(lemma);
  }

  /** Phrases of more words read better as names, with diminishing returns. */
  static double lengthWeight(int words) {
    return switch (words) {
      case 1 -> 1.0;
      case 2 -> 1.3;
      case 3 -> 1.45;
      default -> 1.5;
    };
  }

  private static String surfaceOf(Map<String, Integer> counts) {
    return (
        counts.entrySet().stream()
            .min(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue()).thenComparing(Map.Entry::getKey))
            .orElseThrow()
            .getKey());
  }

  private static boolean usableWord(String lemma) {
    if (lemma.length() < 3) {
      return false;
    }
    for (int i = 0; i < lemma.length(); i++) {
      if (!Character.isLetter(lemma.charAt(i)) && lemma.charAt(i) != '-') {
        return false;
      }
    }
    return !lemma.equals("name") && !lemma.equals("email") && !lemma.equals("phone");
  }

  /** {@code text} with its first letter in upper case. */
  static String capitalise(String text) {
    if (text.isEmpty()) {
      return text;
    }
    return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  /** For tests: whether two names are the same, ignoring case. */
  static boolean same(String a, String b) {
    return Objects.equals(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
  }
}
