/**
 * Sessionization and the weekly product rollups (acquisition, onboarding, usage) over the event
 * store, exactly as docs/definitions.md defines them. The rollups work on an {@link
 * io.productopsdash.engine.rollup.EventLog}: every activity event of every user in primitive
 * arrays, grouped by user and sorted by (timestamp, rowid), so ten million events need no object
 * each. Each rollup is a final class with a static {@code of(...)} returning an immutable record
 * of {@code io.productopsdash.models.rollup}; {@link io.productopsdash.engine.rollup.RollupService}
 * reads the store (once, cached until it changes) and runs them.
 */
package io.productopsdash.engine.rollup;
