package io.productopsdash.engine.search;

import io.productopsdash.engine.embed.SentenceEmbedder;
import io.productopsdash.models.NotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;

/**
 * Searches the answer index: BM25 over the English-analysed comment, filters, facet counts,
 * highlighted snippets, paging, and vector "similar answers". A query that does not parse is
 * searched as plain words instead: a user's typo never becomes an error. Thread-safe.
 *
 * <p><b>Modes</b> ({@link SearchRequest.Mode}). {@code KEYWORD} ranks every match by BM25; totals
 * and facets count every match. {@code VECTOR} embeds the query text with the sentence embedder
 * that embedded the answers and takes the nearest answers (HNSW, with the filters applied inside
 * the vector search, so a narrow filter still fills the page). {@code HYBRID} takes the keyword
 * and the vector ranking, each cut at the same window of {@code max(}{@value #CANDIDATES}{@code ,
 * (page + 1) * pageSize)} answers (at most {@value #MAX_FUSED}), and fuses them by {@link
 * Fusion#hybridDefault()} unless configured: a convex combination {@code 0.05 * bm25 / best bm25
 * + 0.95 * cosine'}, the cosine similarity min-max normalised over the candidates (see {@link
 * Fusion}); ties by answer id. Reciprocal rank fusion is the other {@link Fusion}: on Banking77 it
 * did not beat the vector ranking alone, the vector-heavy convex fusion chosen on validation did.
 *
 * <p>In the vector and hybrid modes the candidates are the answers in those windows (all of them
 * pass the filters); {@code totalHits} and the facet counts are over exactly these candidates, so
 * the facets describe the answers a PM can page through, and a facet count never promises more
 * than the pages hold. Counting facets over every keyword match instead would mix answers that
 * rank nowhere with the ones shown; over the whole filter set it would ignore the query. Pages
 * end with the candidates. A blank query is a keyword search in every mode (there is nothing to
 * embed).
 */
public final class AnswerSearch {
  /** Turns query text into a vector of {@value AnswerFields#EMBEDDING_DIMENSION} floats. */
  @FunctionalInterface
  public interface QueryEmbedder {
    float[] embed(String text);
  }

  /** The RRF constant of Cormack et al. (2009), the usual choice (for {@link Fusion#rrf()}). */
  public static final int RRF_K = 60;
  /** Least candidates taken from each ranking in the vector and hybrid modes. */
  public static final int CANDIDATES = 100;
  /** Most candidates taken from each ranking: vector and hybrid pages end there. */
  public static final int MAX_FUSED = 1000;
  /** The facet dimensions counted for every search, in this order. */
  public static final List<String> FACET_DIMENSIONS = List.of(
      AnswerFields.FACET_THEME, AnswerFields.FACET_WEEK, AnswerFields.FACET_SCORE_BUCKET,
      AnswerFields.FACET_SENTIMENT);
  public static final int MAX_SIMILAR = 100;
  private static final int MAX_FACET_LABELS = 1000;
  private static final int SNIPPET_PASSAGES = 1;

  private final AnswerIndex index;
  private final QueryEmbedder embedder;
  private final Fusion fusion;
  private final Analyzer analyzer = AnswerDocuments.analyzer();
  /** Facet ordinals of the last reader seen: costly to build, valid until the index changes. */
  private final AtomicReference<FacetState> facetState = new AtomicReference<>();

  private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

  /** Keyword search only: the vector and hybrid modes need a {@link QueryEmbedder}. */
  public AnswerSearch(AnswerIndex index) {
    this(index, null);
  }

  /** All modes, fusing by {@link Fusion#hybridDefault()}; {@code embedder} null: keyword only. */
  public AnswerSearch(AnswerIndex index, QueryEmbedder embedder) {
    this(index, embedder, Fusion.hybridDefault());
  }

  /** All modes, the hybrid one fusing by {@code fusion}. */
  public AnswerSearch(AnswerIndex index, QueryEmbedder embedder, Fusion fusion) {
    this.index = index;
    this.embedder = embedder;
    this.fusion = java.util.Objects.requireNonNull(fusion, "fusion");
  }

  /** All modes, queries embedded by the shared all-MiniLM-L6-v2 embedder (loaded on first use). */
  public static AnswerSearch withSentenceEmbedder(AnswerIndex index) {
    return new AnswerSearch(index, text -> SentenceEmbedder.shared().embed(text));
  }

  /**
   * Runs {@code request} on the latest committed index.
   *
   * @throws IllegalStateException for a vector or hybrid search without a {@link QueryEmbedder}
   */
  public SearchResult search(SearchRequest request) throws IOException {
    if (request.mode() == SearchRequest.Mode.KEYWORD || request.query().isBlank()) {
      return keyword(request);
    }
    if (embedder == null) {
      throw new IllegalStateException("No query embedder: " + request.mode().code() + " search is off");
    }
    // Embed before taking a searcher: the model is the slow part and needs no index.
    float[] vector = embedder.embed(request.query());
    IndexSearcher searcher = index.acquire();
    try {
      return fused(searcher, request, vector);
    } finally {
      index.release(searcher);
    }
  }

  private SearchResult keyword(SearchRequest request) throws IOException {
    IndexSearcher searcher = index.acquire();
    try {
      ParsedQuery text = text(searcher, request);
      Query query = withFilters(text.query(), request);
      int n = (request.page() + 1) * request.pageSize();
      if (request.collapseDuplicates()) {
        // Every match is ranked, so the page counts distinct comments, not copies.
        n = Math.max(1, Math.min(searcher.count(query), DuplicateCollapse.MAX_MATCHES));
      }
      // One pass over the matches: the page, the facet counts and the exact total together.
      FacetsCollectorManager.FacetsResult found =
          FacetsCollectorManager.search(searcher, query, n, sort(request.sort()), true, new FacetsCollectorManager());
      long total = 0;
      for (FacetsCollector.MatchingDocs m : found.facetsCollector().getMatchingDocs()) {
        total += m.totalHits;
      }
      Map<String, List<SearchResult.FacetCount>> facets = facets(searcher, found.facetsCollector());
      ScoreDoc[] top = found.topDocs().scoreDocs;
      if (request.collapseDuplicates()) {
        return collapsed(searcher, request, text, top, total, facets);
      }
      int from = Math.min(request.page() * request.pageSize(), top.length);
      ScoreDoc[] page = Arrays.copyOfRange(top, from, top.length);
      List<SearchResult.Hit> hits = hits(searcher, text.query(), page);
      return new SearchResult(total, hits, facets, text.literal());
    } finally {
      index.release(searcher);
    }
  }

  /* One page of the ranked matches with identical comments collapsed into their best-ranked one. */
  private SearchResult collapsed(
      IndexSearcher searcher, SearchRequest request, ParsedQuery text, ScoreDoc[] ranked, long answers,
      Map<String, List<SearchResult.FacetCount>> facets) throws IOException {
    List<DuplicateCollapse.Group> groups = DuplicateCollapse.of(searcher, ranked);
    int from = Math.min(request.page() * request.pageSize(), groups.size());
    int to = Math.min(from + request.pageSize(), groups.size());
    List<DuplicateCollapse.Group> page = groups.subList(from, to);
    List<SearchResult.Hit> hits =
        DuplicateCollapse.attach(searcher, hits(searcher, text.query(), DuplicateCollapse.heads(page)), page);
    return new SearchResult(groups.size(), answers, hits, facets, text.literal());
  }

  /* The query text parsed, or searched literally when it does not parse or expands too far. */
  private ParsedQuery text(IndexSearcher searcher, SearchRequest request) throws IOException {
    ParsedQuery text = parse(request.query());
    try {
      searcher.rewrite(withFilters(text.query(), request));
      return text;
    } catch (IndexSearcher.TooManyClauses e) {
      // A wildcard expanding to too many terms: search its words literally instead.
      return new ParsedQuery(literalQuery(request.query()), true);
    }
  }

  /** A candidate of the vector or hybrid mode: its fused score (or similarity) and answer id. */
  private record Candidate(int doc, long answerId, float score) {}

  private SearchResult fused(IndexSearcher searcher, SearchRequest request, float[] vector) throws IOException {
    boolean hybrid = request.mode() == SearchRequest.Mode.HYBRID;
    ParsedQuery text = text(searcher, request);
    int window = Math.max(CANDIDATES, Math.min(MAX_FUSED, (request.page() + 1) * request.pageSize()));
    ScoreDoc[] keyword = hybrid
        ? searcher.search(withFilters(text.query(), request), window, sort(SearchRequest.SortOrder.RELEVANCE), true)
            .scoreDocs
        : new ScoreDoc[0];
    Query filter = withFilters(new MatchAllDocsQuery(), request);
    ScoreDoc[] knn = searcher.search(new KnnFloatVectorQuery(AnswerFields.EMBEDDING, vector, window, filter), window)
        .scoreDocs;
    Set<Integer> all = new HashSet<>();
    Arrays.stream(keyword).forEach(sd -> all.add(sd.doc));
    Arrays.stream(knn).forEach(sd -> all.add(sd.doc));
    Map<Integer, Long> ids = numeric(searcher, AnswerFields.ID, all);
    List<Candidate> nearest = new ArrayList<>();
    for (ScoreDoc sd : knn) {
      nearest.add(new Candidate(sd.doc, ids.get(sd.doc), sd.score));
    }
    nearest.sort(BY_SCORE_THEN_ID);
    ScoreDoc[] vectorRanking = nearest.stream().map(c -> new ScoreDoc(c.doc(), c.score())).toArray(ScoreDoc[]::new);
    Map<Integer, Double> scores = new HashMap<>();
    if (!hybrid) {
      for (ScoreDoc sd : vectorRanking) {
        scores.put(sd.doc, (double) sd.score);
      }
    } else {
      Map<Integer, Double> cosine =
          fusion.kind() == Fusion.Kind.CONVEX ? cosines(searcher, vector, keyword, vectorRanking) : Map.of();
      scores = fusion.fuse(keyword, vectorRanking, cosine);
    }
    List<Candidate> candidates = new ArrayList<>(scores.size());
    for (Map.Entry<Integer, Double> e : scores.entrySet()) {
      candidates.add(new Candidate(e.getKey(), ids.get(e.getKey()), e.getValue().floatValue()));
    }
    if (request.sort() == SearchRequest.SortOrder.DATE_DESC) {
      Map<Integer, Long> dates = numeric(searcher, AnswerFields.DATE, scores.keySet());
      candidates.sort(Comparator.comparingLong((Candidate c) -> -dates.get(c.doc())).thenComparingLong(Candidate::answerId));
    } else {
      candidates.sort(BY_SCORE_THEN_ID);
    }
    Query candidateQuery = new DocSetQuery(candidates.stream().mapToInt(Candidate::doc).toArray());
    Map<String, List<SearchResult.FacetCount>> facets =
        facets(searcher, searcher.search(candidateQuery, new FacetsCollectorManager()));
    ParsedQuery shown = new ParsedQuery(text.query(), hybrid && text.literal());
    if (request.collapseDuplicates()) {
      ScoreDoc[] ranked = candidates.stream().map(c -> new ScoreDoc(c.doc(), c.score())).toArray(ScoreDoc[]::new);
      return collapsed(searcher, request, shown, ranked, candidates.size(), facets);
    }
    int from = Math.min(request.page() * request.pageSize(), candidates.size());
    int to = Math.min(from + request.pageSize(), candidates.size());
    ScoreDoc[] page = candidates.subList(from, to).stream()
        .map(c -> new ScoreDoc(c.doc(), c.score()))
        .toArray(ScoreDoc[]::new);
    return new SearchResult(candidates.size(), hits(searcher, text.query(), page), facets, shown.literal());
  }

  /*
   * The cosine to the query of every candidate of the union of both windows, also a keyword match
   * outside the vector window (its vector is read from the index): assuming 0 there would rank it
   * below the vector window's tail for no reason. NaN for an answer without an embedding.
   */
  private static Map<Integer, Double> cosines(
      IndexSearcher searcher, float[] query, ScoreDoc[] keyword, ScoreDoc[] vectorRanking) throws IOException {
    Map<Integer, Double> cosine = new HashMap<>();
    for (ScoreDoc sd : vectorRanking) {
      cosine.put(sd.doc, (double) sd.score);
    }
    for (ScoreDoc sd : keyword) {
      if (!cosine.containsKey(sd.doc)) {
        float[] v = vectorOf(searcher, sd.doc);
        cosine.put(sd.doc, v == null ? Double.NaN : VectorSimilarityFunction.COSINE.compare(query, v));
      }
    }
    return cosine;
  }

  private static final Comparator<Candidate> BY_SCORE_THEN_ID =
      Comparator.comparingDouble((Candidate c) -> -c.score()).thenComparingLong(Candidate::answerId);

  /*
   * A numeric doc value (answer id, date: every document has them) of each of {@code docs}, read
   * leaf by leaf in doc order with one iterator per leaf.
   */
  private static Map<Integer, Long> numeric(IndexSearcher searcher, String field, Collection<Integer> docs)
      throws IOException {
    int[] sorted = docs.stream().mapToInt(Integer::intValue).sorted().toArray();
    Map<Integer, Long> out = new HashMap<>();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    NumericDocValues values = null;
    int leafIndex = -1;
    for (int doc : sorted) {
      int sub = ReaderUtil.subIndex(doc, leaves);
      if (sub != leafIndex) {
        leafIndex = sub;
        values = DocValues.getNumeric(leaves.get(sub).reader(), field);
      }
      if (!values.advanceExact(doc - leaves.get(sub).docBase)) {
        throw new IllegalStateException("Document " + doc + " has no " + field);
      }
      out.put(doc, values.longValue());
    }
    return out;
  }


  /**
   * Up to {@code k} answers closest to {@code answerId} by embedding, closest first (ties by id),
   * never the answer itself nor another answer with its identical text, and each other text once
   * (its closest answer); empty when the answer has no embedding.
   *
   * @throws NotFoundException when no answer has that id
   */
  public List<SimilarAnswer> similar(long answerId, int k) throws IOException {
    if (k < 1 || k > MAX_SIMILAR) {
      throw new IllegalArgumentException("Invalid k: " + k + " (must be 1.." + MAX_SIMILAR + ")");
    }
    IndexSearcher searcher = index.acquire();
    try {
      Term idTerm = AnswerIndex.idTerm(answerId);
      TopDocs self = searcher.search(new TermQuery(idTerm), 1);
      if (self.scoreDocs.length == 0) {
        throw new NotFoundException("id", "No indexed answer with id " + answerId);
      }
      float[] vector = vectorOf(searcher, self.scoreDocs[0].doc);
      if (vector == null) {
        return List.of();
      }
      StoredFields stored = searcher.storedFields();
      String own = stored.document(self.scoreDocs[0].doc).get(AnswerFields.COMMENT);
      // Never the answer itself nor a copy of its text; copies of another text count once.
      Query others = new BooleanQuery.Builder()
          .add(new MatchAllDocsQuery(), Occur.FILTER)
          .add(new TermQuery(idTerm), Occur.MUST_NOT)
          .add(new TermQuery(new Term(AnswerFields.COMMENT_KEY, Long.toHexString(AnswerDocuments.commentKey(own)))),
              Occur.MUST_NOT)
          .build();
      int wide = Math.min(MAX_SIMILAR * 4, k * 4);
      TopDocs top = searcher.search(new KnnFloatVectorQuery(AnswerFields.EMBEDDING, vector, wide, others), wide);
      ScoreDoc[] ranked = top.scoreDocs.clone();
      Arrays.sort(ranked, Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
      List<SimilarAnswer> out = new ArrayList<>();
      for (DuplicateCollapse.Group g : DuplicateCollapse.of(searcher, ranked)) {
        Document doc = stored.document(g.head().doc);
        out.add(new SimilarAnswer(Long.parseLong(doc.get(AnswerFields.ID)), g.head().score,
            doc.get(AnswerFields.THEME), doc.get(AnswerFields.COMMENT)));
      }
      out.sort(Comparator.comparingDouble((SimilarAnswer s) -> -s.similarity())
          .thenComparingLong(SimilarAnswer::answerId));
      return List.copyOf(out.subList(0, Math.min(k, out.size())));
    } finally {
      index.release(searcher);
    }
  }

  private record ParsedQuery(Query query, boolean literal) {}

  private ParsedQuery parse(String text) {
    if (text.isBlank()) {
      return new ParsedQuery(new MatchAllDocsQuery(), false);
    }
    QueryParser parser = new QueryParser(AnswerFields.COMMENT, analyzer);
    try {
      return new ParsedQuery(parser.parse(text), false);
    } catch (ParseException | RuntimeException e) {
      // ParseException for syntax; TooManyClauses and friends for pathological input.
      return new ParsedQuery(literalQuery(text), true);
    }
  }

  /** The text's words, analysed, any of them matching; no syntax at all. */
  private Query literalQuery(String text) {
    Query q = new QueryBuilder(analyzer).createBooleanQuery(AnswerFields.COMMENT, text, Occur.SHOULD);
    return q == null ? new MatchNoDocsQuery("no searchable words") : q;
  }

  /* The filters of the request; answers without a comment only when the request asks for them. */
  private static Query withFilters(Query text, SearchRequest request) {
    SearchFilters f = request.filters();
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
    if (!request.includeUncommented()) {
      b.add(new TermQuery(new Term(AnswerFields.HAS_COMMENT, "true")), Occur.FILTER);
    }
    if (f.surveyId() != null) {
      b.add(new TermQuery(new Term(AnswerFields.SURVEY, f.surveyId().toString())), Occur.FILTER);
    }
    if (f.fromWeek() != null || f.toWeek() != null) {
      int lo = f.fromWeek() == null ? Integer.MIN_VALUE : AnswerDocuments.weekOrdinal(f.fromWeek());
      int hi = f.toWeek() == null ? Integer.MAX_VALUE : AnswerDocuments.weekOrdinal(f.toWeek());
      b.add(IntPoint.newRangeQuery(AnswerFields.WEEK_ORDINAL, lo, hi), Occur.FILTER);
    }
    if (f.themeId() != null) {
      b.add(new TermQuery(new Term(AnswerFields.THEME, f.themeId())), Occur.FILTER);
    }
    if (f.minScore() != null || f.maxScore() != null) {
      int lo = f.minScore() == null ? Integer.MIN_VALUE : f.minScore();
      int hi = f.maxScore() == null ? Integer.MAX_VALUE : f.maxScore();
      b.add(IntPoint.newRangeQuery(AnswerFields.SCORE, lo, hi), Occur.FILTER);
    }
    if (f.sentiment() != null) {
      b.add(new TermQuery(new Term(AnswerFields.SENTIMENT, f.sentiment())), Occur.FILTER);
    }
    if (f.featureRequest() != null) {
      b.add(new TermQuery(new Term(AnswerFields.FEATURE_REQUEST, f.featureRequest().toString())),
          Occur.FILTER);
    }
    return b.build();
  }

  private static Sort sort(SearchRequest.SortOrder order) {
    SortField byId = new SortField(AnswerFields.ID, SortField.Type.LONG);
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byId);
      case DATE_DESC -> new Sort(new SortField(AnswerFields.DATE, SortField.Type.LONG, true), byId);
    };
  }

  private List<SearchResult.Hit> hits(IndexSearcher searcher, Query textQuery, ScoreDoc[] page)
      throws IOException {
    String[] snippets = new String[page.length];
    if (page.length > 0) {
      UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
          .withFormatter(new DefaultPassageFormatter(String.valueOf(MATCH_START), String.valueOf(MATCH_END), "… ", false))
          .build();
      TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
      snippets = highlighter.highlight(AnswerFields.COMMENT, textQuery, pageDocs, SNIPPET_PASSAGES);
    }
    StoredFields stored = searcher.storedFields();
    List<SearchResult.Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document doc = stored.document(page[i].doc);
      String snippet = html(snippets[i] != null ? snippets[i] : doc.get(AnswerFields.COMMENT));
      hits.add(new SearchResult.Hit(
          Long.parseLong(doc.get(AnswerFields.ID)), page[i].score, doc.get(AnswerFields.WEEK),
          doc.getField(AnswerFields.SCORE).numericValue().intValue(), doc.get(AnswerFields.THEME),
          doc.get(AnswerFields.THEME_LABEL), doc.get(AnswerFields.SENTIMENT), snippet));
    }
    return hits;
  }

  /*
   * Highlights are marked with two private-use characters, then the text is HTML-escaped and the
   * marks become <em>: a comment is user text, so a snippet meant for HTML must be safe as it is.
   */
  private static final char MATCH_START = '\uE000';
  private static final char MATCH_END = '\uE001';

  static String html(String marked) {
    StringBuilder b = new StringBuilder(marked.length() + 16);
    for (int i = 0; i < marked.length(); i++) {
      char ch = marked.charAt(i);
      switch (ch) {
        case MATCH_START -> b.append("<em>");
        case MATCH_END -> b.append("</em>");
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  private Map<String, List<SearchResult.FacetCount>> facets(IndexSearcher searcher, FacetsCollector collector)
      throws IOException {
    Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
    for (String dim : FACET_DIMENSIONS) {
      out.put(dim, List.of());
    }
    SortedSetDocValuesReaderState state;
    try {
      state = facetState(searcher.getIndexReader());
    } catch (IllegalArgumentException e) {
      return out; // no document has any facet yet (empty index)
    }
    Facets counts = new SortedSetDocValuesFacetCounts(state, collector);
    for (String dim : FACET_DIMENSIONS) {
      FacetResult result;
      try {
        result = counts.getTopChildren(MAX_FACET_LABELS, dim);
      } catch (IllegalArgumentException e) {
        continue; // dimension never indexed
      }
      if (result == null) {
        continue;
      }
      List<SearchResult.FacetCount> labels = new ArrayList<>();
      for (LabelAndValue lv : result.labelValues) {
        labels.add(new SearchResult.FacetCount(lv.label, lv.value.intValue()));
      }
      labels.sort(Comparator.comparingInt((SearchResult.FacetCount c) -> -c.count())
          .thenComparing(SearchResult.FacetCount::label));
      out.put(dim, List.copyOf(labels));
    }
    return out;
  }

  private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    FacetState cached = facetState.get();
    if (cached != null && cached.reader() == reader) {
      return cached.state();
    }
    SortedSetDocValuesReaderState state =
        new DefaultSortedSetDocValuesReaderState(reader, AnswerDocuments.facetsConfig());
    facetState.set(new FacetState(reader, state));
    return state;
  }

  private static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(AnswerFields.EMBEDDING);
    int local = doc - leaf.docBase;
    if (values == null || values.advance(local) != local) {
      return null;
    }
    return values.vectorValue().clone();
  }
}
