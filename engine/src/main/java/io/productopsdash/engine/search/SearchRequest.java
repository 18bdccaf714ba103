package io.productopsdash.engine.search;

import java.util.Objects;

/**
 * One search: query text in Lucene syntax (blank matches every commented answer), filters, order,
 * page and how the text is matched ({@link Mode}).
 *
 * @param page zero-based page number
 * @param pageSize 1..{@value #MAX_PAGE_SIZE}
 * @param includeUncommented whether answers without a comment are listed too (only a blank query
 *     can match them); off by default
 * @param collapseDuplicates whether answers with the identical comment (case and white space
 *     aside) are one hit, carrying the others' ids; on by default, and pages count such hits
 */
public record SearchRequest(
    String query,
    SearchFilters filters,
    SortOrder sort,
    int page,
    int pageSize,
    Mode mode,
    boolean includeUncommented,
    boolean collapseDuplicates) {
  public static final int MAX_PAGE_SIZE = 100;
  public static final int DEFAULT_PAGE_SIZE = 20;

  /** How the query text finds answers; a blank query matches every answer in each mode. */
  public enum Mode {
    /** BM25 over the comment's words (Lucene syntax). */
    KEYWORD,
    /** Nearest answers by sentence embedding of the query text. */
    VECTOR,
    /** KEYWORD and VECTOR fused by reciprocal rank fusion. */
    HYBRID;

    /** The lower-case name used by the API and the CLI. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The order of hits; ties are always broken by answer id, ascending. */
  public enum SortOrder {
    RELEVANCE,
    DATE_DESC
  }

  /** Commented answers only, identical comments collapsed. */
  public SearchRequest(String query, SearchFilters filters, SortOrder sort, int page, int pageSize, Mode mode) {
    this(query, filters, sort, page, pageSize, mode, false, true);
  }

  /** A keyword search. */
  public SearchRequest(String query, SearchFilters filters, SortOrder sort, int page, int pageSize) {
    this(query, filters, sort, page, pageSize, Mode.KEYWORD);
  }

  public SearchRequest {
    Objects.requireNonNull(mode, "mode");
    query = query == null ? "" : query;
    filters = filters == null ? SearchFilters.none() : filters;
    Objects.requireNonNull(sort, "sort");
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "Invalid page size: " + pageSize + " (must be 1.." + MAX_PAGE_SIZE + ")");
    }
    if (page < 0) {
      throw new IllegalArgumentException("Invalid page: " + page + " (must be >= 0)");
    }
    if ((long) (page + 1) * pageSize > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("Invalid page: " + page + " (too deep)");
    }
  }

  /** The first page by relevance, default size, no filters. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, SearchFilters.none(), SortOrder.RELEVANCE, 0,
        DEFAULT_PAGE_SIZE);
  }

  public SearchRequest withFilters(SearchFilters newFilters) {
    return new SearchRequest(query, newFilters, sort, page, pageSize, mode, includeUncommented, collapseDuplicates);
  }

  public SearchRequest withSort(SortOrder newSort) {
    return new SearchRequest(query, filters, newSort, page, pageSize, mode, includeUncommented, collapseDuplicates);
  }

  public SearchRequest withPage(int newPage, int newPageSize) {
    return new SearchRequest(query, filters, sort, newPage, newPageSize, mode, includeUncommented, collapseDuplicates);
  }

  public SearchRequest withMode(Mode newMode) {
    return new SearchRequest(query, filters, sort, page, pageSize, newMode, includeUncommented, collapseDuplicates);
  }

  /** The same search with or without the answers that have no comment. */
  public SearchRequest withUncommented(boolean include) {
    return new SearchRequest(query, filters, sort, page, pageSize, mode, include, collapseDuplicates);
  }

  /** The same search with identical comments collapsed into one hit, or every answer listed. */
  public SearchRequest withCollapsedDuplicates(boolean collapse) {
    return new SearchRequest(query, filters, sort, page, pageSize, mode, includeUncommented, collapse);
  }
}
