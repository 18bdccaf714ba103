package io.productopsdash.server.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The body of an ingestion request: read from the stream with a hard limit, gunzipped when the
 * sender says so ({@code Content-Encoding: gzip}, PostHog's {@code ?compression=gzip-js}) or the
 * bytes start with gzip's magic, with the same limit on the decompressed size (so a small gzip
 * bomb cannot fill the memory), then parsed as strict JSON.
 */
final class IngestBody {
  private final byte[] bytes;

  private IngestBody(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * A refused body declared at most this many bytes over the limit is still read to the end, so
   * the client has finished sending and reads the 413 instead of a reset connection; a larger one
   * is cut off.
   */
  static final long MAX_SWALLOW_BYTES = 4L * 1024 * 1024;

  /** Reads the body; over the sender's body limit (before or after decompression) is a 413. */
  static IngestBody read(Context ctx, IngestLimits limits) {
    int limit = limits.maxBodyBytes();
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      swallow(ctx, declared, limit);
      throw tooLarge(limits, "the body is " + declared + " bytes");
    }
    byte[] raw;
    try (InputStream in = ctx.bodyInputStream()) {
      raw = in.readNBytes(limit + 1);
      if (raw.length > limit) {
        drain(in, MAX_SWALLOW_BYTES);
        throw tooLarge(limits, "the body is over " + limit + " bytes");
      }
    } catch (IOException e) {
      throw IngestionException.malformed("the body could not be read: " + e.getMessage());
    }
    if (gzipped(ctx, raw)) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 8192)) {
        raw = readAtMost(in, limits, "the decompressed body");
      } catch (ZipException e) {
        throw IngestionException.malformed("the body is not valid gzip: " + e.getMessage());
      } catch (IOException e) {
        throw IngestionException.malformed("the gzip body could not be read: " + e.getMessage());
      }
    }
    return new IngestBody(raw);
  }

  private static void swallow(Context ctx, long declared, int limit) {
    if (declared - limit > MAX_SWALLOW_BYTES) {
      return;
    }
    try (InputStream in = ctx.req().getInputStream()) {
      drain(in, declared);
    } catch (IOException e) {
      // The client went away: nothing to answer.
    }
  }

  private static void drain(InputStream in, long max) throws IOException {
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while (total < max && (n = in.read(buffer)) > 0) {
      total += n;
    }
  }

  private static boolean gzipped(Context ctx, byte[] raw) {
    String encoding = ctx.header("Content-Encoding");
    String compression = ctx.queryParam("compression");
    boolean magic = raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
    return magic
        || (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip"))
        || (compression != null && compression.toLowerCase(Locale.ROOT).startsWith("gzip"));
  }

  private static byte[] readAtMost(InputStream in, IngestLimits limits, String what) throws IOException {
    int limit = limits.maxBodyBytes();
    byte[] data = in.readNBytes(limit + 1);
    if (data.length > limit) {
      throw tooLarge(limits, what + " is over " + limit + " bytes");
    }
    return data;
  }

  private static IngestionException tooLarge(IngestLimits limits, String why) {
    String limit = IngestLimits.human(limits.maxBodyBytes());
    return IngestionException.tooLarge(
        "Request body too large (the limit is " + limit + " for the " + limits.sender() + " API)",
        why + "; the " + limits.sender() + " API accepts up to " + limits.maxBodyBytes() + " bytes (" + limit + ")");
  }

  int size() {
    return bytes.length;
  }

  /** The body as one strict JSON value; malformed JSON (or trailing data) is a 400 for the whole request. */
  JsonElement json() {
    if (bytes.length == 0) {
      throw IngestionException.malformed("is empty: a JSON body is required");
    }
    try {
      JsonReader reader = new JsonReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
      reader.setStrictness(Strictness.STRICT);
      JsonElement root = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw IngestionException.malformed("is not valid JSON: unexpected data after the value");
      }
      return root;
    } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
      String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
      throw IngestionException.malformed("is not valid JSON: " + why);
    }
  }
}
