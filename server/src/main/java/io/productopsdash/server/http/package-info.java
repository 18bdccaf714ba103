/**
 * HTTP handlers of the JSON API under {@code /api/v1}, the widget script, the event ingestion
 * endpoints of Segment, PostHog and Amplitude clients (server-side and browser SDKs), admin
 * authentication, CORS for the widget's and the SDKs' origins, and the single mapping of typed
 * errors to {@code {title, status, type, details}}.
 */
package io.productopsdash.server.http;
