package io.productopsdash.engine.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Matches a fixed set of documents of one reader, given by their global doc ids: the candidates
 * of a vector or hybrid search, so that facets are counted over exactly them without looking
 * their ids up again in the terms dictionary of every segment. Valid only on the searcher whose
 * doc ids it holds; never cached.
 */
final class DocSetQuery extends Query {
  private final int[] docs;

  DocSetQuery(int[] docs) {
    this.docs = docs.clone();
    Arrays.sort(this.docs);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) {
        int from = lowerBound(context.docBase);
        int to = lowerBound(context.docBase + context.reader().maxDoc());
        if (from == to) {
          return null;
        }
        return new ConstantScoreScorer(this, score(), scoreMode, new Iterator(docs, from, to, context.docBase));
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  private int lowerBound(int doc) {
    int i = Arrays.binarySearch(docs, doc);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && docs[i - 1] == doc) {
      i--;
    }
    return i;
  }

  /** The docs[from, to) of one segment, as segment doc ids. */
  private static final class Iterator extends DocIdSetIterator {
    private final int[] docs;
    private final int from;
    private final int to;
    private final int base;
    private int i = -1;
    private int doc = -1;

    Iterator(int[] docs, int from, int to, int base) {
      this.docs = docs;
      this.from = from;
      this.to = to;
      this.base = base;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      i = i < 0 ? from : i + 1;
      // Skip repeats: a doc id given twice still matches once.
      while (i < to && i > from && docs[i] == docs[i - 1]) {
        i++;
      }
      doc = i < to ? docs[i] - base : NO_MORE_DOCS;
      return doc;
    }

    @Override
    public int advance(int target) throws IOException {
      int d;
      do {
        d = nextDoc();
      } while (d < target);
      return d;
    }

    @Override
    public long cost() {
      return to - from;
    }
  }

  @Override
  public String toString(String field) {
    return "DocSetQuery(" + docs.length + " docs)";
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && Arrays.equals(docs, ((DocSetQuery) other).docs);
  }

  @Override
  public int hashCode() {
    return classHash() * 31 + Arrays.hashCode(docs);
  }
}
