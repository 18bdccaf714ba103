/**
 * Redaction as a PM sees it: the per-week report of what was redacted ({@link
 * io.productopsdash.engine.redaction.RedactionReports}, counts per kind, never values) and the dry
 * run that shows what a text would become with the workspace's vocabulary ({@link
 * io.productopsdash.engine.redaction.RedactionPreview}).
 */
package io.productopsdash.engine.redaction;
