package io.productopsdash.server.cli;

import io.productopsdash.data.Database;
import io.productopsdash.engine.search.AnswerIndex;
import io.productopsdash.engine.search.AnswerSearch;
import io.productopsdash.engine.theme.TextEmbedder;
import io.productopsdash.engine.theme.ThemeQueries;
import io.productopsdash.engine.search.SearchRequest;
import io.productopsdash.engine.search.SearchResult;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.server.Workspace;
import io.productopsdash.server.http.GsonJsonMapper;
import io.productopsdash.server.http.SearchApi;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code productopsdash search "query" [filters]}: the same search as {@code GET /api/v1/search}
 * (the options are checked by {@link SearchApi#request} and the hits are the API's), printed as a
 * table with facet counts, or with {@code --json} exactly the API's JSON. Matches are marked
 * {@code [like this]}, or in bold when standard output is a terminal; control characters in
 * comments are shown as spaces so an answer cannot drive the terminal. The index is opened
 * read-only, so this works beside a running server (which holds the write lock) and shows its last
 * commit. Exit code 0 on success (with or without hits), 1 when the index cannot be read, 2 for bad
 * input.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Search the answers of the data folder: Lucene query syntax, filters, facets.")
public final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "Lucene query syntax; none or blank matches every answer.")
  String query;

  @Mixin DataDirOptions dataDir;

  @Option(names = "--survey", paramLabel = "ID", description = "Only answers of this survey id.")
  String survey;

  @Option(names = "--from", paramLabel = "WEEK", description = "First ISO week, e.g. 2026-W01 (inclusive).")
  String from;

  @Option(names = "--to", paramLabel = "WEEK", description = "Last ISO week (inclusive).")
  String to;

  @Option(names = "--theme", paramLabel = "ID", description = "Only answers of this theme id.")
  String theme;

  @Option(names = "--min-score", paramLabel = "N", description = "Lowest score (inclusive).")
  String minScore;

  @Option(names = "--max-score", paramLabel = "N", description = "Highest score (inclusive).")
  String maxScore;

  @Option(names = "--sentiment", paramLabel = "S", description = "negative, neutral, positive or unknown.")
  String sentiment;

  @Option(names = "--feature-request", description = "Only answers linked to a feature request.")
  boolean featureRequest;

  @Option(names = "--sort", paramLabel = "ORDER", description = "relevance (default) or date (newest first).")
  String sort;

  @Option(names = "--page", paramLabel = "N", description = "Page number, from 0 (default 0).")
  String page;

  @Option(names = "--size", paramLabel = "N", description = "Hits per page, 1..100 (default 20).")
  String size;

  @Option(names = "--mode", paramLabel = "MODE", description = "keyword (default), hybrid or vector.")
  String mode;

  @Option(names = "--uncommented", description = "List answers without a comment too (a blank query matches them).")
  boolean uncommented;

  @Option(names = "--every-answer", description = "List every answer; by default identical comments are one hit with a count.")
  boolean everyAnswer;

  @Option(names = "--json", description = "Print the API's JSON instead of a table.")
  boolean json;

  /** Whether to mark matches in bold (ANSI) rather than brackets; a terminal by default. */
  boolean bold = System.console() != null;

  /* API parameter name -> option, to name the option a problem is about. */
  private static final Map<String, String> OPTIONS = Map.ofEntries(
      Map.entry("surveyId", "--survey"), Map.entry("from", "--from"), Map.entry("to", "--to"),
      Map.entry("theme", "--theme"), Map.entry("minScore", "--min-score"), Map.entry("maxScore", "--max-score"),
      Map.entry("sentiment", "--sentiment"), Map.entry("sort", "--sort"), Map.entry("page", "--page"),
      Map.entry("pageSize", "--size"), Map.entry("mode", "--mode"), Map.entry("q", "QUERY"));

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> params = new LinkedHashMap<>();
    put(params, "q", query);
    put(params, "surveyId", survey);
    put(params, "from", from);
    put(params, "to", to);
    put(params, "theme", theme);
    put(params, "minScore", minScore);
    put(params, "maxScore", maxScore);
    put(params, "sentiment", sentiment);
    put(params, "featureRequest", featureRequest ? "true" : null);
    put(params, "sort", sort);
    put(params, "page", page);
    put(params, "pageSize", size);
    put(params, "mode", mode);
    put(params, "uncommented", uncommented ? "true" : null);
    put(params, "collapse", everyAnswer ? "false" : null);
    SearchRequest request;
    try {
      request = SearchApi.request(params);
    } catch (InvalidInputException e) {
      err.println("Invalid " + OPTIONS.getOrDefault(e.field(), e.field()) + ": " + e.rule());
      return 2;
    }
    Path dir = dataDir.existing(System.getenv(), Path.of("productopsdash-data"), err);
    if (!Files.isRegularFile(dir.resolve(Database.FILE_NAME))) {
      err.println("No ProductOpsDash database in " + dir.toAbsolutePath() + " (use --data DIR; demo prints the folder it made)");
      return 2;
    }
    SearchResult result;
    try (AnswerIndex index = AnswerIndex.openReadOnly(dir.resolve(Workspace.INDEX_FOLDER))) {
      result = AnswerSearch.withSentenceEmbedder(index).search(request);
    } catch (IOException e) {
      err.println("Cannot read the index in " + dir.resolve(Workspace.INDEX_FOLDER).toAbsolutePath() + ": "
          + e.getMessage() + " (productopsdash reindex rebuilds it)");
      return 1;
    }
    if (json) {
      Database db = Database.open(dir);
      try {
        ThemeQueries themes = new ThemeQueries(db, TextEmbedder.miniLm(1).model());
        out.println(GsonJsonMapper.GSON.toJson(SearchApi.reply(request, result, themes::names)));
      } finally {
        db.close();
      }
    } else {
      out.print(table(request, result));
    }
    out.flush();
    return 0;
  }

  private static void put(Map<String, String> params, String name, String value) {
    if (value != null) {
      params.put(name, value);
    }
  }

  /** The hits as an aligned table, then the facet counts. */
  String table(SearchRequest request, SearchResult result) {
    StringBuilder b = new StringBuilder();
    long first = (long) request.page() * request.pageSize() + 1;
    b.append(String.format(Locale.ROOT, "%,d answer%s match%s %s(%s)%s%s%n", result.answers(),
        result.answers() == 1 ? "" : "s", result.answers() == 1 ? "es" : "",
        request.query().isBlank() ? "" : "\"" + plain(request.query()) + "\" ", request.mode().code(),
        result.answers() == result.totalHits() ? ""
            : String.format(Locale.ROOT, "; %,d distinct comments, identical ones shown once", result.totalHits()),
        result.hits().isEmpty() ? "" : String.format(Locale.ROOT, "; hits %,d-%,d", first, first + result.hits().size() - 1)));
    if (result.literalFallback()) {
      b.append("(the query did not parse: searched its words literally)\n");
    }
    if (!result.hits().isEmpty()) {
      int themeWidth = 5;
      for (SearchResult.Hit h : result.hits()) {
        themeWidth = Math.max(themeWidth, Math.min(30, theme(h).length()));
      }
      String row = "%-8s  %-8s  %5s  %-" + themeWidth + "s  %s%n";
      b.append(String.format(Locale.ROOT, row, "id", "week", "score", "theme", "snippet"));
      for (SearchResult.Hit h : result.hits()) {
        String label = theme(h);
        b.append(String.format(Locale.ROOT, row, h.answerId(), h.week(), h.score(),
            label.length() > 30 ? label.substring(0, 29) + "…" : label,
            snippet(h.snippet()) + (h.sameTextCount() == 0 ? "" : "  (+" + h.sameTextCount() + " identical)")));
      }
    }
    b.append("Facets\n");
    for (Map.Entry<String, List<SearchResult.FacetCount>> dim : facets(result).entrySet()) {
      StringBuilder line = new StringBuilder();
      for (SearchResult.FacetCount c : dim.getValue()) {
        line.append(line.length() == 0 ? "" : ", ").append(plain(c.label())).append(" (").append(c.count()).append(')');
      }
      b.append(String.format(Locale.ROOT, "  %-13s %s%n", dim.getKey() + ":", line.length() == 0 ? "-" : line));
    }
    return b.toString();
  }

  private static Map<String, List<SearchResult.FacetCount>> facets(SearchResult result) {
    Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
    for (String dim : AnswerSearch.FACET_DIMENSIONS) {
      out.put(dim, result.facets().getOrDefault(dim, List.of()));
    }
    return out;
  }

  private static String theme(SearchResult.Hit h) {
    if (h.themeId() == null) {
      return "-";
    }
    return plain(h.themeLabel() == null ? h.themeId() : h.themeId() + " " + h.themeLabel());
  }

  /** A snippet (HTML: escaped text, matches in {@code <em>}) as terminal text. */
  String snippet(String html) {
    // Control characters go first, while all of them are the comment's: only our bold codes remain.
    return plain(html)
        .replace("<em>", bold ? "\u001b[1m" : "[")
        .replace("</em>", bold ? "\u001b[0m" : "]")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** User text for the terminal: control characters as spaces. */
  private static String plain(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      b.append(Character.isISOControl(ch) ? ' ' : ch);
    }
    return b.toString();
  }
}
