/**
 * Redaction of personal data and secrets from free-text answers, before anything is stored,
 * indexed, clustered or emailed. {@link io.productopsdash.engine.text.redact.Redactor} finds
 * emails, phone numbers, Luhn-valid card numbers, IBANs, crypto addresses, private keys and BIP39
 * seed phrases with patterns and checksums, and person names through a pluggable {@link
 * io.productopsdash.engine.text.redact.PersonNameFinder} (CoreNLP NER in production), and replaces
 * each with a typed placeholder such as {@code [email]}. The original text is never kept in a
 * result.
 */
package io.productopsdash.engine.text.redact;
