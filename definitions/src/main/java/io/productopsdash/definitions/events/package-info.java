/**
 * How one event of a source becomes a Segment-spec {@link io.productopsdash.models.Event}: the
 * Segment and Amplitude normalisers, the strict reading of a JSON line, the field and timestamp
 * rules and the counted {@link io.productopsdash.definitions.events.SkipReason}s. Pure functions of
 * their input, shared by the file importer and the HTTP ingestion (module {@code data}) and the
 * Spark job, so a line means the same event everywhere.
 */
package io.productopsdash.definitions.events;
