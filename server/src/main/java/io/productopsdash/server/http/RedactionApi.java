package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.engine.redaction.RedactionPreview;
import io.productopsdash.engine.redaction.RedactionReports;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.engine.text.vocabulary.Glossary;
import io.productopsdash.engine.text.vocabulary.ProductVocabulary;
import io.productopsdash.engine.text.vocabulary.WorkspaceVocabulary;
import io.productopsdash.models.AnswerSubmission;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Admin endpoints of redaction:
 *
 * <ul>
 *   <li>{@code GET /api/v1/redactions/summary?surveyId=&from=&to=}: per ISO week of the survey's
 *       series, answers with comments, answers redacted, comments still waiting for name clearing,
 *       and answers and spans per kind ({@code to} defaults to the current week, {@code from} to 12
 *       weeks ending there);
 *   <li>{@code POST /api/v1/redactions/preview {"text": ...}}: the dry run, what the text would be
 *       stored as, with each person-name candidate and why it was kept or redacted; nothing is
 *       stored;
 *   <li>{@code GET/PUT /api/v1/config/vocabulary} with {@code {"terms": [...]}}: the PM's glossary
 *       of product terms that are never redacted as names, beside the built-in list and the
 *       workspace's own names; PUT replaces the glossary and applies to comments that arrive after
 *       it (the originals of earlier comments were never stored).
 * </ul>
 */
public final class RedactionApi {
  static final int DEFAULT_WEEKS = 12;
  static final int MAX_WEEKS = 520;
  /* A full glossary (5,000 terms of 100 characters) is over the API's 64 KB: this route reads its
   * body itself up to this size. */
  static final int MAX_VOCABULARY_BODY_BYTES = 1024 * 1024;

  private final SurveyService surveys;
  private final AdminAuth auth;
  private final Supplier<WeekId> currentWeek;
  private final RedactionReports reports;
  private final WorkspaceVocabulary vocabulary;
  private final RedactionPreview preview;

  public RedactionApi(
      SurveyService surveys,
      AdminAuth auth,
      Supplier<WeekId> currentWeek,
      RedactionReports reports,
      WorkspaceVocabulary vocabulary) {
    this.surveys = surveys;
    this.auth = auth;
    this.currentWeek = currentWeek;
    this.reports = reports;
    this.vocabulary = vocabulary;
    this.preview = new RedactionPreview(vocabulary::current);
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/redactions/summary", this::summary);
    routes.post("/api/v1/redactions/preview", this::preview);
    routes.get("/api/v1/config/vocabulary", this::getVocabulary);
    routes.put("/api/v1/config/vocabulary", this::putVocabulary);
  }

  private void summary(Context ctx) {
    auth.require(ctx);
    Survey survey = surveys.get(positiveId(ctx.queryParam("surveyId")));
    WeekId to = ctx.queryParam("to") == null ? currentWeek.get() : WeekId.parse(ctx.queryParam("to"), "to");
    WeekId from =
        ctx.queryParam("from") == null
            ? to.plusWeeks(-(DEFAULT_WEEKS - 1))
            : WeekId.parse(ctx.queryParam("from"), "from");
    if (from.compareTo(to) > 0) {
      throw new InvalidInputException("from", "must not be after to (" + from + " > " + to + ")");
    }
    if (from.weeksUntil(to) >= MAX_WEEKS) {
      throw new InvalidInputException("from", "the range may span at most " + MAX_WEEKS + " weeks");
    }
    ctx.json(reports.summary(survey, from, to));
  }

  private void preview(Context ctx) {
    auth.require(ctx);
    JsonBody body = JsonBody.of(ctx).onlyFields(Set.of("text"));
    String text = body.string("text");
    if (text == null) {
      throw new InvalidInputException("text", "is required: the comment to try");
    }
    if (text.length() > AnswerSubmission.MAX_COMMENT_LENGTH) {
      throw new InvalidInputException(
          "text", "has " + text.length() + " characters, at most " + AnswerSubmission.MAX_COMMENT_LENGTH);
    }
    ctx.json(preview.preview(text));
  }

  private void getVocabulary(Context ctx) {
    auth.require(ctx);
    ctx.json(view());
  }

  private void putVocabulary(Context ctx) {
    auth.require(ctx);
    String raw = boundedBody(ctx);
    if (raw == null) {
      ErrorMapping.send(
          ctx,
          413,
          "Request body too large (the limit is " + MAX_VOCABULARY_BODY_BYTES / 1024 + " KB)",
          "body-too-large",
          Map.of("body", "is over " + MAX_VOCABULARY_BODY_BYTES + " bytes"));
      return;
    }
    JsonBody body = JsonBody.parse(raw).onlyFields(Set.of("terms"));
    if (!body.has("terms")) {
      throw new InvalidInputException("terms", "is required: a list of product terms");
    }
    vocabulary.saveGlossary(new Glossary(body.strings("terms")));
    ctx.json(view());
  }

  private Map<String, Object> view() {
    WorkspaceVocabulary.Parts parts = vocabulary.parts();
    ProductVocabulary builtIn = ProductVocabulary.builtIn();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("terms", parts.glossary());
    out.put("maxTerms", Glossary.MAX_TERMS);
    out.put("maxTermLength", Glossary.MAX_TERM_LENGTH);
    out.put(
        "builtIn",
        Map.of(
            "version", builtIn.version(),
            "terms", builtIn.size(),
            "sources",
                List.of(
                    "CoinGecko and CoinMarketCap top 200 assets, L2BEAT networks",
                    "CoinGecko spot exchange ranking, Wikipedia list of cryptocurrency exchanges",
                    "ethereum.org and bitcoin.org wallet lists, DefiLlama top protocols",
                    "S&P Global largest banks 2024, Forbes Fintech 50 2024, card and payment networks",
                    "largest technology companies by revenue and their device lines")));
    out.put(
        "workspace",
        Map.of(
            "configurationTerms", parts.configuration().size(),
            "surveyTerms", parts.surveys().size()));
    out.put(
        "note",
        "Terms apply to comments that arrive after a change; earlier comments cannot be restored,"
            + " since the original text is never stored. Secrets are always removed.");
    return out;
  }

  /** The body as text, or null when it is over {@link #MAX_VOCABULARY_BODY_BYTES}. */
  /**
   * The body as text, or null when it is over the limit; an oversized body is still read (up to
   * {@link IngestBody#MAX_SWALLOW_BYTES}) so the client sees the 413 instead of a reset connection.
   */
  private static String boundedBody(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_VOCABULARY_BODY_BYTES) {
      IngestBody.swallow(ctx, declared, MAX_VOCABULARY_BODY_BYTES);
      return null;
    }
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] raw = in.readNBytes(MAX_VOCABULARY_BODY_BYTES + 1);
      if (raw.length > MAX_VOCABULARY_BODY_BYTES) {
        IngestBody.drain(in, IngestBody.MAX_SWALLOW_BYTES);
        return null;
      }
      return new String(raw, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException("body", "could not be read: " + e.getMessage());
    }
  }

  private static long positiveId(String raw) {
    return Params.positiveId(raw, "surveyId", "survey id");
  }
}
