/**
 * Product events: normalising what Segment, PostHog, Amplitude and CSV sources send into the
 * Segment-spec {@link io.productopsdash.models.Event}, the event store (deduplicated on
 * messageId, anonymous ids linked to users on identify and alias), write keys of HTTP sources,
 * and the counters that account for every line or event read: imported, duplicate, or skipped
 * with a named reason.
 */
package io.productopsdash.data.events;
