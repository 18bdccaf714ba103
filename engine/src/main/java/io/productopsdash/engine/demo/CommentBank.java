package io.productopsdash.engine.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The comments the demo's respondents write, by topic: hand-written wallet-app feedback ({@code
 * comments.txt}) and, for deposit and identity questions, rows of Banking77 (CC BY 4.0, {@code
 * banking77-wallet-subset.tsv}, attributed in its header, the README and NOTICE). Every comment is
 * used exactly as written. Draws come from a shuffled deck per topic that is reshuffled only when
 * used up, so a text repeats only after its whole topic has been used.
 */
final class CommentBank {
  private final Map<Topic, List<String>> texts;
  private final Map<Topic, Deck> decks = new EnumMap<>(Topic.class);

  private CommentBank(Map<Topic, List<String>> texts, long seed) {
    this.texts = texts;
    for (Topic t : Topic.values()) {
      List<String> pool = texts.get(t);
      if (pool == null || pool.isEmpty()) {
        throw new IllegalStateException("The comment bank has no comment for topic " + t);
      }
      decks.put(t, new Deck(pool, new SplittableRandom(Seeds.mix(seed, 31, t.ordinal()))));
    }
  }

  /** Loads both resources; the decks are shuffled with {@code seed}. */
  static CommentBank load(long seed) {
    Map<Topic, List<String>> texts = new EnumMap<>(Topic.class);
    for (Topic t : Topic.values()) {
      texts.put(t, new ArrayList<>());
    }
    Topic current = null;
    for (String line : lines("comments.txt")) {
      if (line.startsWith("## ")) {
        current = Topic.valueOf(line.substring(3).strip());
      } else if (!line.isBlank() && !line.startsWith("#")) {
        if (current == null) {
          throw new IllegalStateException("comments.txt: a comment before the first topic: " + line);
        }
        texts.get(current).add(line.strip());
      }
    }
    for (String line : lines("banking77-wallet-subset.tsv")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", 3);
      texts.get(Topic.valueOf(cells[0])).add(cells[2].strip());
    }
    texts.replaceAll((t, list) -> List.copyOf(list));
    return new CommentBank(texts, seed);
  }

  /** Every text of a topic, in file order. */
  List<String> texts(Topic topic) {
    return texts.get(topic);
  }

  /** The next text of the topic's deck. */
  String next(Topic topic) {
    return decks.get(topic).next();
  }

  private static List<String> lines(String resource) {
    try (InputStream in = CommentBank.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource + " of " + CommentBank.class.getPackageName());
      }
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return r.lines().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading " + resource + " failed", e);
    }
  }

  /** A topic's texts in a shuffled order, reshuffled each time it is used up. */
  private static final class Deck {
    private final List<String> pool;
    private final SplittableRandom random;
    private final int[] order;
    private int position;

    Deck(List<String> pool, SplittableRandom random) {
      this.pool = pool;
      this.random = random;
      this.order = new int[pool.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      shuffle();
    }

    String next() {
      if (position == order.length) {
        shuffle();
      }
      return pool.get(order[position++]);
    }

    private void shuffle() {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      position = 0;
    }
  }
}
