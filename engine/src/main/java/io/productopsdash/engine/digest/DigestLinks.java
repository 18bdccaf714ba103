package io.productopsdash.engine.digest;

import io.productopsdash.models.WeekId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Links from a digest into the dashboard, relative to the installation's public base URL (such as
 * {@code https://ops.example.com} or {@code http://localhost:7070}). Query parameters are
 * URL-encoded.
 */
public final class DigestLinks {
  private final Supplier<String> baseUrl;

  /** {@code baseUrl} without a trailing slash is used as is; one trailing slash is dropped. */
  public DigestLinks(String baseUrl) {
    this(() -> baseUrl);
    base();
  }

  /**
   * A base URL known only later (a server started on port 0 learns its port when it starts); it
   * is read, and checked, for every link.
   */
  public DigestLinks(Supplier<String> baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The base URL, without a trailing slash. */
  public String base() {
    String url = baseUrl.get();
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new IllegalArgumentException("The public base URL must start with http:// or https://, got " + url);
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public String overview(long surveyId, WeekId week) {
    return base() + "/app/overview?surveyId=" + surveyId + "&week=" + encode(week.toString());
  }

  public String theme(long themeId, long surveyId, WeekId week) {
    return base() + "/app/themes/" + themeId + "?surveyId=" + surveyId + "&week=" + encode(week.toString());
  }

  public String featureRequests(long surveyId) {
    return base() + "/app/feature-requests?surveyId=" + surveyId;
  }

  public String featureRequest(long id, long surveyId) {
    return base() + "/app/feature-requests/" + id + "?surveyId=" + surveyId;
  }

  public String acquisition(WeekId week) {
    return base() + "/app/acquisition?from=" + encode(week.toString()) + "&to=" + encode(week.toString());
  }

  public String onboarding(WeekId week) {
    return base() + "/app/onboarding?from=" + encode(week.toString()) + "&to=" + encode(week.toString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
