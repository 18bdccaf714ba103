/**
 * Results of the weekly product rollups (acquisition, onboarding, usage, satisfaction by usage) as
 * immutable records, as the API and the command line show them. The definitions behind each number are in the
 * Javadoc of the record that carries it and of the engine's {@code io.productopsdash.engine.rollup}
 * classes that compute them (PRODUCT.md §2 is the contract).
 */
package io.productopsdash.models.rollup;
