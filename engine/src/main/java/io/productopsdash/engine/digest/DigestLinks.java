package io.productopsdash.engine.digest;

import io.productopsdash.models.WeekId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links from a digest into the dashboard, relative to the installation's public base URL (such as
 * {@code https://ops.example.com} or {@code http://localhost:7070}). Query parameters are
 * URL-encoded.
 */
public final class DigestLinks {
  private final String base;

  /** {@code baseUrl} without a trailing slash is used as is; one trailing slash is dropped. */
  public DigestLinks(String baseUrl) {
    if (baseUrl == null || !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
      throw new IllegalArgumentException("The public base URL must start with http:// or https://, got " + baseUrl);
    }
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The base URL, without a trailing slash. */
  public String base() {
    return base;
  }

  public String overview(long surveyId, WeekId week) {
    return base + "/app/overview?surveyId=" + surveyId + "&week=" + encode(week.toString());
  }

  public String theme(long themeId, long surveyId, WeekId week) {
    return base + "/app/themes/" + themeId + "?surveyId=" + surveyId + "&week=" + encode(week.toString());
  }

  public String featureRequests(long surveyId) {
    return base + "/app/feature-requests?surveyId=" + surveyId;
  }

  public String acquisition(WeekId week) {
    return base + "/app/acquisition?from=" + encode(week.toString()) + "&to=" + encode(week.toString());
  }

  public String onboarding(WeekId week) {
    return base + "/app/onboarding?from=" + encode(week.toString()) + "&to=" + encode(week.toString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
