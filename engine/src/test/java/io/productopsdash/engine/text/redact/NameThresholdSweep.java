package io.productopsdash.engine.text.redact;

import io.productopsdash.engine.text.vocabulary.ProductVocabulary;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * How the name tables' thresholds ({@link KnownNames.Thresholds}) trade product words kept for
 * person names removed (a command, not a test): for each pair on a small grid, the tuning half of
 * the product-feedback corpus (kept and removed substrings), the planted person names of {@link
 * PlantedCorpus} (seed 20260302, 400 names) and the answers of Banking77's test split changed by
 * names. CoreNLP tags once per text; only the rules are re-run per pair.
 *
 * <p>Arguments: {@code --corpus TUNE.csv --banking77 TEST.csv}.
 */
public final class NameThresholdSweep {
  private NameThresholdSweep() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[1]);
    Path banking = Path.of(args[3]);
    List<String[]> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        rows.add(new String[] {r.get("text"), r.get("must_keep"), r.get("must_remove")});
      }
    }
    List<PlantedCorpus.Item> names = PlantedCorpus.generate(20260302L, 400, List.of(PlantedCorpus.NAMES));
    List<String> b77 = RedactionBench.readTexts(banking);
    CoreNlpPersonNameFinder ner = CoreNlpPersonNameFinder.shared();
    int[] given = {5, 100, 1000, 10_000};
    int[] family = {88_799, 20_000, 5_000, 1_000};
    System.out.printf(Locale.ROOT, "%-22s %14s %14s %14s %12s%n",
        "minBirths/maxRank", "tune kept", "tune removed", "planted names", "B77 changed");
    for (int g : given) {
      for (int f : family) {
        PersonNameRules rules = PersonNameRules.of(KnownNames.of(new KnownNames.Thresholds(g, f)));
        Redactor redactor = Redactor.withNames(ner.with(rules, ProductVocabulary.builtIn()));
        int keep = 0, kept = 0, remove = 0, removed = 0;
        for (String[] row : rows) {
          String out = redactor.redact(row[0]).text();
          for (String k : row[1].split("\\|")) {
            if (!k.isEmpty()) {
              keep++;
              kept += out.contains(k) ? 1 : 0;
            }
          }
          for (String m : row[2].split("\\|")) {
            if (!m.isEmpty()) {
              remove++;
              removed += out.contains(m) ? 0 : 1;
            }
          }
        }
        long plantedGone = names.stream().filter(i -> !redactor.redact(i.text()).text().contains(i.secret())).count();
        long changed = b77.stream().filter(t -> redactor.redact(t).changed()).count();
        System.out.printf(Locale.ROOT, "%-22s %10d/%-3d %10d/%-3d %10d/%-3d %8d/%d%n",
            g + "/" + f, kept, keep, removed, remove, plantedGone, names.size(), changed, b77.size());
      }
    }
  }
}
