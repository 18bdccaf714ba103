/**
 * The ProductOpsDash domain as immutable records and enums: surveys and their scales, answers,
 * ISO weeks, score results and the typed errors that say which input was wrong. Depends on
 * nothing but the JDK; validation lives in the compact constructors.
 */
package io.productopsdash.models;
