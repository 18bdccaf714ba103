/**
 * Feature requests as a PM manages them: {@link
 * io.productopsdash.engine.request.manage.FeatureRequests} lists a series' request groups with
 * their requesters, reach, requesters' mean score and trend (sorted by requesters, reach, trend or
 * recency), opens one with its answers, requesters and history, and carries out merge, split,
 * rename, status (with a note and its author) and external link, each checked and recorded. The
 * HTTP API, the dashboard, the CLI and the digest read the same numbers from here.
 */
package io.productopsdash.engine.request.manage;
