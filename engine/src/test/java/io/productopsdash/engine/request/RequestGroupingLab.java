package io.productopsdash.engine.request;

import io.productopsdash.engine.embed.SentenceEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Development aid: detection, asks and grouping of a corpus in memory, for several thresholds. */
public final class RequestGroupingLab {
  private RequestGroupingLab() {}

  public static void main(String[] args) throws Exception {
    List<String[]> rows = RequestCorpusLab.read(Path.of(args[0]));
    List<RequestBatch.Input> inputs = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      inputs.add(new RequestBatch.Input(i, rows.get(i)[0]));
    }
    boolean verbose = args.length > 2;
    for (String t : args[1].split(",")) {
      double threshold = Double.parseDouble(t.split(":")[0]);
      double attach = Double.parseDouble(t.split(":")[1]);
      RequestBatch batch = RequestBatch.of(inputs, texts -> SentenceEmbedder.shared().embedAll(texts, 2, SentenceEmbedder.Progress.NONE),
          new RequestBatch.Options(threshold, attach));
      List<RequestCorpusScore.Row> scored = new ArrayList<>();
      Map<Long, String> names = new HashMap<>();
      for (int g = 0; g < batch.groups().size(); g++) {
        names.put((long) g, batch.groups().get(g).name());
      }
      for (int i = 0; i < rows.size(); i++) {
        scored.add(new RequestCorpusScore.Row(RequestCorpusScore.labels(rows.get(i)[1]),
            batch.topGroupsOf(i).stream().map(Integer::longValue).toList()));
      }
      RequestCorpusScore s = RequestCorpusScore.of(scored, names);
      System.out.println("threshold " + t + " " + s.line() + " duplicates=" + s.duplicateNames());
      if (verbose) {
        System.out.println("split " + s.splitAsks());
        System.out.println("mixed " + s.mixedGroups());
        for (int g = 0; g < batch.groups().size(); g++) {
          RequestBatch.Group group = batch.groups().get(g);
          StringBuilder b = new StringBuilder();
          for (long m : group.answers()) {
            b.append(rows.get((int) m)[1]).append(' ');
          }
          System.out.println("  [" + g + (group.parent() >= 0 ? " < " + group.parent() : "") + "] " + group.name() + " :: " + b);
        }
      }
    }
    System.exit(0);
  }
}
