package io.productopsdash.engine.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    Map<Long, Group> byKey = new LinkedHashMap<>();
    List<Group> out = new ArrayList<>();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (ScoreDoc sd : ranked) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      // A fresh iterator per document: ranked order is not doc order.
      NumericDocValues keys = DocValues.getNumeric(leaf.reader(), AnswerFields.COMMENT_KEY);
      if (!keys.advanceExact(sd.doc - leaf.docBase)) {
        out.add(new Group(sd, new ArrayList<>()));
        continue;
      }
      Group group = byKey.get(keys.longValue());
      if (group == null) {
        group = new Group(sd, new ArrayList<>());
        byKey.put(keys.longValue(), group);
        out.add(group);
      } else {
        group.twins().add(sd);
      }
    }
    return out;
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
