/**
 * Stanford CoreNLP pipelines shared by the text stages. Each pipeline is built lazily, once per
 * process, and shared across threads: loading takes seconds and hundreds of megabytes, so nothing
 * that does not need a pipeline (the answer POST path, most tests) ever triggers it.
 */
package io.productopsdash.engine.text.nlp;
