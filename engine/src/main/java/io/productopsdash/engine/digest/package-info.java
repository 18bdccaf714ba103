/**
 * The weekly digest email's content: {@link io.productopsdash.engine.digest.DigestComposer} reads a
 * survey's week from the same services the API answers from (scores, stored themes, feature
 * requests, rollups), so every number in a digest equals the API's; {@link
 * io.productopsdash.engine.digest.DigestRenderer} turns it into an HTML part and a plain-text part
 * from Mustache templates, escaping every user-provided text. Delivery lives in the server.
 */
package io.productopsdash.engine.digest;
