package io.productopsdash.definitions.events;

import java.net.URI;
import java.net.URISyntaxException;

/** The path part of a page URL, for sources that send only the full URL. */
public final class UrlPaths {
  private UrlPaths() {}

  /** {@code https://app.example.com/swap?x=1} gives {@code /swap}; null for null or text without a path. */
  public static String pathOf(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String path = new URI(url.strip()).getRawPath();
      if (path != null && !path.isEmpty()) {
        return path;
      }
      return url.contains("://") ? "/" : null;
    } catch (URISyntaxException e) {
      // Browsers send URLs that java.net.URI refuses (spaces, '|'): cut by hand.
      int scheme = url.indexOf("://");
      int start = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
      if (start < 0) {
        return null;
      }
      int end = start;
      while (end < url.length() && url.charAt(end) != '?' && url.charAt(end) != '#') {
        end++;
      }
      return url.substring(start, end);
    }
  }
}
