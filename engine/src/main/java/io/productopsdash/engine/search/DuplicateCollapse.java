package io.productopsdash.engine.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Collapses ranked matches with the identical comment ({@link AnswerFields#COMMENT_KEY}) into one
 * group, headed by the best-ranked of them, so a page of hits is not filled with copies of one
 * text ("swap slow slow slow" twenty times). Answers without a comment are never collapsed.
 */
final class DuplicateCollapse {
  /** Matches read for collapsing; past this many, later matches are not listed. */
  static final int MAX_MATCHES = 100_000;

  /** A group: the best-ranked answer and the others with the identical comment, in rank order. */
  record Group(ScoreDoc head, List<ScoreDoc> twins) {}

  private DuplicateCollapse() {}

  /** The groups of {@code ranked}, in the rank order of their heads. */
  static List<Group> of(IndexSearcher searcher, ScoreDoc[] ranked) throws IOException {
    long[] keys = keys(searcher, ranked);
    Map<Long, Group> byKey = new HashMap<>();
    List<Group> out = new ArrayList<>();
    for (int i = 0; i < ranked.length; i++) {
      ScoreDoc sd = ranked[i];
      if (keys[i] == NO_KEY) {
        out.add(new Group(sd, new ArrayList<>()));
        continue;
      }
      Group group = byKey.get(keys[i]);
      if (group == null) {
        group = new Group(sd, new ArrayList<>());
        byKey.put(keys[i], group);
        out.add(group);
      } else {
        group.twins().add(sd);
      }
    }
    return out;
  }

  /* Marks a document without a comment key; a real key equal to it merely goes uncollapsed. */
  private static final long NO_KEY = Long.MIN_VALUE;

  /* Each ranked document's comment key, read in doc order with one iterator per segment. */
  private static long[] keys(IndexSearcher searcher, ScoreDoc[] ranked) throws IOException {
    Integer[] order = new Integer[ranked.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(ranked[a].doc, ranked[b].doc));
    long[] keys = new long[ranked.length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    NumericDocValues values = null;
    int leafIndex = -1;
    for (int i : order) {
      int doc = ranked[i].doc;
      int sub = ReaderUtil.subIndex(doc, leaves);
      if (sub != leafIndex) {
        leafIndex = sub;
        values = DocValues.getNumeric(leaves.get(sub).reader(), AnswerFields.COMMENT_KEY);
      }
      int local = doc - leaves.get(sub).docBase;
      // A document listed twice (never, from one search) would need a fresh iterator.
      keys[i] = values.docID() <= local && values.advanceExact(local) ? values.longValue() : NO_KEY;
    }
    return keys;
  }

  /** {@code hits} (the heads of {@code groups}, in order) with their identical answers attached. */
  static List<SearchResult.Hit> attach(IndexSearcher searcher, List<SearchResult.Hit> hits, List<Group> groups)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    List<SearchResult.Hit> out = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      List<ScoreDoc> twins = groups.get(i).twins();
      List<SearchResult.Twin> listed = new ArrayList<>();
      for (ScoreDoc t : twins.subList(0, Math.min(twins.size(), SearchResult.Hit.MAX_SAME_TEXT))) {
        Document doc = stored.document(t.doc);
        listed.add(new SearchResult.Twin(
            Long.parseLong(doc.get(AnswerFields.ID)), doc.get(AnswerFields.WEEK),
            doc.getField(AnswerFields.SCORE).numericValue().intValue()));
      }
      out.add(hits.get(i).withSameText(twins.size(), listed));
    }
    return out;
  }

  /** The heads of {@code groups}. */
  static ScoreDoc[] heads(List<Group> groups) {
    return groups.stream().map(Group::head).toArray(ScoreDoc[]::new);
  }
}
