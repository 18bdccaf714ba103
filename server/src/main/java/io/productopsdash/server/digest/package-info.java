/**
 * Delivery of the weekly digest email: subscribers per survey series, SMTP (Jakarta Mail, Angus)
 * or an outbox folder of {@code .eml} files, retries with exponential backoff, the send log that
 * keeps each (series, week, recipient) to at most one delivery across restarts, and the scheduler
 * that sends last week's digest at the configured weekday and hour. The content comes from {@code
 * io.productopsdash.engine.digest}.
 */
package io.productopsdash.server.digest;
