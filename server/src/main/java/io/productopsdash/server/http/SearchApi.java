package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.engine.search.AnswerIndexer;
import io.productopsdash.engine.search.AnswerSearch;
import io.productopsdash.engine.search.SearchFilters;
import io.productopsdash.engine.search.SearchRequest;
import io.productopsdash.engine.search.SearchResult;
import io.productopsdash.engine.search.SimilarAnswer;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.WeekId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Admin search over the answer index: {@code GET /api/v1/search} (full text, filters, facets,
 * pages; {@code mode=keyword|vector|hybrid}, see {@link AnswerSearch}) and {@code GET
 * /api/v1/answers/{id}/similar} (closest answers by embedding). The work is in {@link
 * AnswerSearch}; this class only reads parameters ({@link #request}, shared with the {@code search}
 * command) and shapes replies ({@link #reply}). Unknown query parameters are a 400 naming them.
 */
public final class SearchApi {
  static final Set<String> SEARCH_PARAMS =
      Set.of("q", "surveyId", "from", "to", "theme", "minScore", "maxScore", "sentiment",
          "featureRequest", "sort", "page", "pageSize", "mode", "uncommented", "collapse");
  static final Set<String> SIMILAR_PARAMS = Set.of("k");
  static final int DEFAULT_SIMILAR = 10;
  static final Set<String> SENTIMENTS =
      Set.of("negative", "neutral", "positive", AnswerIndexer.NO_SENTIMENT);

  private final AnswerSearch search;
  private final AdminAuth auth;
  private final Function<Collection<Long>, Map<Long, String>> themeNames;

  /** {@code themeNames} gives the current names of theme ids (the reply names the themes it mentions). */
  public SearchApi(AnswerSearch search, AdminAuth auth, Function<Collection<Long>, Map<Long, String>> themeNames) {
    this.search = search;
    this.auth = auth;
    this.themeNames = themeNames;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/search", this::search);
    routes.get("/api/v1/answers/{id}/similar", this::similar);
  }

  /** A matching answer; {@code snippet} marks matches with {@code <em>}. */
  record HitView(
      long answerId, int score, String week, String themeId, String themeLabel, String sentiment,
      float relevance, String snippet, int sameTextCount, List<SearchResult.Twin> sameText) {}

  /** An answer close to another. */
  record SimilarView(long answerId, float similarity, String themeId, String comment) {}

  private void search(Context ctx) {
    auth.require(ctx);
    Map<String, String> params = new LinkedHashMap<>();
    for (String name : ctx.queryParamMap().keySet()) {
      params.put(name, ctx.queryParam(name));
    }
    SearchRequest request = request(params);
    SearchResult result;
    try {
      result = search.search(request);
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed", e);
    }
    ctx.json(reply(request, result, themeNames));
  }

  /**
   * The search that {@code params} (query parameter name to value) asks for.
   *
   * @throws InvalidInputException naming the first bad parameter
   */
  public static SearchRequest request(Map<String, String> params) {
    onlyParams(params.keySet(), SEARCH_PARAMS);
    Function<String, String> ctx = params::get;
    Integer minScore = integer(ctx, "minScore", Integer.MIN_VALUE);
    Integer maxScore = integer(ctx, "maxScore", Integer.MIN_VALUE);
    if (minScore != null && maxScore != null && minScore > maxScore) {
      throw new InvalidInputException("minScore", "must not be above maxScore");
    }
    WeekId from = week(ctx, "from");
    WeekId to = week(ctx, "to");
    if (from != null && to != null && from.compareTo(to) > 0) {
      throw new InvalidInputException("from", "must not be after to");
    }
    String sentiment = ctx.apply("sentiment");
    if (sentiment != null && !SENTIMENTS.contains(sentiment)) {
      throw new InvalidInputException("sentiment", "must be one of " + new TreeSet<>(SENTIMENTS));
    }
    Integer surveyId = integer(ctx, "surveyId", 1);
    SearchFilters filters =
        new SearchFilters(
            surveyId == null ? null : surveyId.longValue(),
            from,
            to,
            blankToNull(ctx.apply("theme")),
            minScore,
            maxScore,
            sentiment,
            bool(ctx, "featureRequest"));
    SearchRequest.SortOrder sort = sort(ctx.apply("sort"));
    Integer page = integer(ctx, "page", 0);
    Integer pageSize = integer(ctx, "pageSize", 1);
    if (pageSize != null && pageSize > SearchRequest.MAX_PAGE_SIZE) {
      throw new InvalidInputException("pageSize", "must be within 1.." + SearchRequest.MAX_PAGE_SIZE);
    }
    if (page != null && page > 10_000) {
      throw new InvalidInputException("page", "must be within 0..10000");
    }
    return new SearchRequest(
        ctx.apply("q"),
        filters,
        sort,
        page == null ? 0 : page,
        pageSize == null ? SearchRequest.DEFAULT_PAGE_SIZE : pageSize,
        mode(ctx.apply("mode")),
        Boolean.TRUE.equals(bool(ctx, "uncommented")),
        !Boolean.FALSE.equals(bool(ctx, "collapse")));
  }

  /**
   * The JSON reply to {@code request}: total (hits: distinct comments when identical ones are
   * collapsed), answers (matching answers), page, mode, hits (each with the identical answers it
   * stands for), facets (counting answers) and the names of the themes
   * the hits and the theme facet mention (a theme id to its current name), in this order.
   */
  public static Map<String, Object> reply(
      SearchRequest request, SearchResult result, Function<Collection<Long>, Map<Long, String>> themeNames) {
    Map<String, Object> facets = new LinkedHashMap<>();
    for (String dim : AnswerSearch.FACET_DIMENSIONS) {
      facets.put(dim, result.facets().getOrDefault(dim, List.of()));
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("total", result.totalHits());
    reply.put("answers", result.answers());
    reply.put("page", request.page());
    reply.put("pageSize", request.pageSize());
    reply.put("mode", request.mode().code());
    reply.put("literalFallback", result.literalFallback());
    reply.put(
        "hits",
        result.hits().stream()
            .map(h -> new HitView(h.answerId(), h.score(), h.week(), h.themeId(), h.themeLabel(),
                h.sentiment(), h.relevance(), h.snippet(), h.sameTextCount(), h.sameText()))
            .toList());
    reply.put("facets", facets);
    Set<Long> themes = new TreeSet<>();
    result.hits().forEach(h -> addId(themes, h.themeId()));
    result.facets().getOrDefault("theme", List.of()).forEach(f -> addId(themes, f.label()));
    Map<String, String> names = new LinkedHashMap<>();
    themeNames.apply(themes).forEach((id, name) -> names.put(String.valueOf(id), name));
    reply.put("themeNames", names);
    return reply;
  }

  private static void addId(Set<Long> ids, String id) {
    if (id != null) {
      try {
        ids.add(Long.parseLong(id));
      } catch (NumberFormatException e) {
        // not a theme id: nothing to name
      }
    }
  }

  private void similar(Context ctx) {
    auth.require(ctx);
    onlyParams(ctx.queryParamMap().keySet(), SIMILAR_PARAMS);
    long id = id(ctx);
    Integer k = integer(ctx::queryParam, "k", 1);
    if (k != null && k > AnswerSearch.MAX_SIMILAR) {
      throw new InvalidInputException("k", "must be within 1.." + AnswerSearch.MAX_SIMILAR);
    }
    List<SimilarAnswer> found;
    try {
      found = search.similar(id, k == null ? DEFAULT_SIMILAR : k);
    } catch (IOException e) {
      throw new UncheckedIOException("Similar search failed", e);
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("answerId", id);
    reply.put(
        "similar",
        found.stream()
            .map(s -> new SimilarView(s.answerId(), s.similarity(), s.themeId(), s.comment()))
            .toList());
    ctx.json(reply);
  }

  private static void onlyParams(Set<String> given, Set<String> allowed) {
    Set<String> unknown = new TreeSet<>(given);
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(
          String.join(",", unknown), "unknown query parameter(s): " + String.join(", ", unknown));
    }
  }

  private static SearchRequest.Mode mode(String raw) {
    if (raw == null) {
      return SearchRequest.Mode.KEYWORD;
    }
    for (SearchRequest.Mode m : SearchRequest.Mode.values()) {
      if (m.code().equals(raw)) {
        return m;
      }
    }
    throw new InvalidInputException("mode", "must be keyword, hybrid or vector, got '" + Params.shown(raw) + "'");
  }

  private static SearchRequest.SortOrder sort(String raw) {
    if (raw == null || raw.equals("relevance")) {
      return SearchRequest.SortOrder.RELEVANCE;
    }
    if (raw.equals("date")) {
      return SearchRequest.SortOrder.DATE_DESC;
    }
    throw new InvalidInputException("sort", "must be relevance or date, got '" + Params.shown(raw) + "'");
  }

  private static WeekId week(Function<String, String> ctx, String name) {
    String raw = ctx.apply(name);
    return raw == null ? null : WeekId.parse(raw, name);
  }

  private static Boolean bool(Function<String, String> ctx, String name) {
    String raw = ctx.apply(name);
    if (raw == null) {
      return null;
    }
    return switch (raw) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new InvalidInputException(name, "must be true or false, got '" + Params.shown(raw) + "'");
    };
  }

  private static Integer integer(Function<String, String> ctx, String name, int min) {
    return Params.integer(ctx.apply(name), name, min);
  }

  private static long id(Context ctx) {
    return Params.positiveId(ctx.pathParam("id"), "id", "answer id");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

}
