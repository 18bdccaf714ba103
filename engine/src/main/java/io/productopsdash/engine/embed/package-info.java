/**
 * Local sentence embeddings: all-MiniLM-L6-v2 (ONNX, shipped inside a dependency jar, nothing
 * downloaded) turns short texts into 384-dimensional L2-normalised vectors, the input of theme
 * clustering. The model loads once per process, on first use, and is shared by every thread.
 */
package io.productopsdash.engine.embed;
