package io.productopsdash.engine.cluster;

import java.util.List;

/**
 * Names themes after the texts of their members. Implementations are deterministic and do not
 * change the clustering; {@link ClassTfIdfLabeler} is the simple one, a lemma and noun-phrase
 * labeler can replace it behind this interface.
 */
@FunctionalInterface
public interface ThemeLabeler {
  /**
   * One short label per theme.
   *
   * @param texts the clustered texts
   * @param assignments theme of each text, 0..k-1 ({@code assignments.length == texts.size()})
   * @param k number of themes
   * @return labels, element t for theme t
   */
  List<String> labels(List<String> texts, int[] assignments, int k);
}
