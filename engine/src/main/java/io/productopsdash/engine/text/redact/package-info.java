/**
 * Redaction of personal data and secrets from free-text answers, before anything is stored,
 * indexed, clustered or emailed. {@link io.productopsdash.engine.text.redact.Redactor} finds
 * secrets with patterns confirmed by checks or cues (emails; phones, also bare digits a country's
 * numbering plan accepts; Luhn-valid cards with any separators; IBANs; national ids with their
 * checks; IP addresses; passwords after their cue; API keys and tokens by prefix or entropy; crypto
 * addresses, private keys and BIP39 seed phrases) and person names through a pluggable {@link
 * io.productopsdash.engine.text.redact.PersonNameFinder}, and replaces each with a typed
 * placeholder such as {@code [email]}. Names need evidence ({@link
 * io.productopsdash.engine.text.redact.PersonNameRules}: CoreNLP's PERSON tag plus a known given
 * or family name from {@link io.productopsdash.engine.text.redact.KnownNames} or a cue) and are
 * never product terms. The original text is never kept in a result.
 */
package io.productopsdash.engine.text.redact;
