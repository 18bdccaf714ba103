package io.productopsdash.engine.text.redact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Given and family names from public-domain US government tables, shipped as resources in {@code
 * names/}: the Social Security Administration's given names of every baby born in the US 1880-2024
 * (104,819 names with their births) and the 1990 census surnames (88,799, by frequency rank).
 * Both lists hold many ordinary words ("Bank", "Price", "Solana", "Tesla"), which is why a name
 * is only redacted when NER already tagged it as a person and no product term covers it ({@link
 * PersonNameRules}); the thresholds trim the rarest entries.
 *
 * <p>Immutable and thread-safe; the tables load once per process.
 *
 * @see Thresholds
 */
public final class KnownNames {
  /**
   * Which entries count.
   *
   * @param minGivenBirths a given name counts with at least this many births over 1880-2024
   * @param maxFamilyRank a family name counts when its 1990 frequency rank is at most this (1 is
   *     Smith)
   */
  public record Thresholds(int minGivenBirths, int maxFamilyRank) {
    /**
     * The thresholds in force: chosen on the tuning half of the product-feedback corpus and on
     * Banking77's test split (docs/benchmarks.md, "Person names on evidence").
     */
    public static final Thresholds DEFAULT = new Thresholds(5, 88_799);

    public Thresholds {
      if (minGivenBirths < 1) {
        throw new IllegalArgumentException("Invalid minimum births: " + minGivenBirths);
      }
      if (maxFamilyRank < 0) {
        throw new IllegalArgumentException("Invalid maximum family-name rank: " + maxFamilyRank);
      }
    }
  }

  static final String GIVEN_RESOURCE = "names/given-names-ssa-1880-2024.tsv.gz";
  static final String FAMILY_RESOURCE = "names/family-names-census-1990.txt.gz";

  private final Thresholds thresholds;

  private KnownNames(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /** The names under {@link Thresholds#DEFAULT}. */
  public static KnownNames standard() {
    return Standard.INSTANCE;
  }

  /** The names under other thresholds (for tuning). */
  public static KnownNames of(Thresholds thresholds) {
    return new KnownNames(thresholds);
  }

  public Thresholds thresholds() {
    return thresholds;
  }

  /** True when {@code word} is a given name with enough births (case-insensitive). */
  public boolean isGivenName(String word) {
    Integer births = Tables.GIVEN.get(word.toLowerCase(Locale.ROOT));
    return births != null && births >= thresholds.minGivenBirths();
  }

  /** True when {@code word} is a family name within the rank threshold (case-insensitive). */
  public boolean isFamilyName(String word) {
    Integer rank = Tables.FAMILY.get(word.toLowerCase(Locale.ROOT));
    return rank != null && rank <= thresholds.maxFamilyRank();
  }

  /** A given or a family name. */
  public boolean isKnown(String word) {
    return isGivenName(word) || isFamilyName(word);
  }

  private static final class Standard {
    static final KnownNames INSTANCE = new KnownNames(Thresholds.DEFAULT);
  }

  private static final class Tables {
    static final Map<String, Integer> GIVEN = read(GIVEN_RESOURCE, true);
    static final Map<String, Integer> FAMILY = read(FAMILY_RESOURCE, false);

    /* Given names: name TAB births. Family names: one per line, the line number is the rank. */
    private static Map<String, Integer> read(String resource, boolean withCounts) {
      try (InputStream raw = KnownNames.class.getResourceAsStream(resource)) {
        if (raw == null) {
          throw new IllegalStateException("Missing resource " + resource);
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
        Map<String, Integer> out = new HashMap<>(withCounts ? 150_000 : 120_000);
        int rank = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          if (withCounts) {
            int tab = line.indexOf('\t');
            out.put(line.substring(0, tab).toLowerCase(Locale.ROOT), Integer.parseInt(line.substring(tab + 1)));
          } else {
            out.putIfAbsent(line.strip().toLowerCase(Locale.ROOT), ++rank);
          }
        }
        return Map.copyOf(out);
      } catch (IOException e) {
        throw new UncheckedIOException("Reading " + resource + " failed", e);
      }
    }
  }
}
