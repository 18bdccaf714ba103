/**
 * HTTP handlers of the JSON API under {@code /api/v1}, the widget script, admin authentication,
 * CORS for the widget's origins, and the single mapping of typed errors to {@code {title, status,
 * type, details}}.
 */
package io.productopsdash.server.http;
