package io.productopsdash.server.http;

import java.util.Map;

/**
 * The one error body of the API: a short title, the HTTP status, a type URI naming the kind of
 * problem, and details (for bad input: field name to the rule it broke).
 */
public record ApiError(String title, int status, String type, Map<String, String> details) {
  static final String TYPE_BASE = "https://productopsdash.io/problems/";

  public ApiError {
    // Kept in order: several invalid fields are listed as the request had them checked.
    details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
  }
}
