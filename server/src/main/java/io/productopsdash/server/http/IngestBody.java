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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

  /** Reads and discards a declared oversized body unless it is hopelessly large. */
  static void swallow(Context ctx, long declared, int limit) {
    if (declared - limit > MAX_SWALLOW_BYTES) {
      return;
    }
    try (InputStream in = ctx.req().getInputStream()) {
      drain(in, declared);
    } catch (IOException e) {
      // The client went away: nothing to answer.
    }
  }

  /** Reads and discards up to {@code max} more bytes of a body. */
  static void drain(InputStream in, long max) throws IOException {
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
    return json(bytes);
  }

  /**
   * The body as PostHog's clients send it: JSON, or (posthog-js with {@code compression=base64},
   * as on page unload) a form whose {@code data} field is the JSON in base64, or base64 alone.
   * Gzip was undone by {@link #read}. Malformed form encoding or base64 is a 400 naming {@code body}.
   */
  JsonElement posthogJson(Context ctx) {
    byte[] data = bytes;
    String contentType = ctx.header("Content-Type");
    boolean form = startsWith(data, "data=")
        || (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"));
    if (form) {
      data = formField(data, "data");
    }
    String compression = ctx.queryParam("compression");
    boolean base64 = compression != null && compression.toLowerCase(Locale.ROOT).equals("base64");
    if (base64 || (form && !startsLikeJson(data))) {
      data = base64(data);
    }
    return json(data);
  }

  private static boolean startsWith(byte[] data, String prefix) {
    if (data.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (data[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsLikeJson(byte[] data) {
    for (byte b : data) {
      if (!Character.isWhitespace(b)) {
        return b == '{' || b == '[';
      }
    }
    return false;
  }

  /** The URL-decoded value of {@code name} in a form body. */
  private static byte[] formField(byte[] body, String name) {
    String form = new String(body, StandardCharsets.UTF_8);
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        try {
          return URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw IngestionException.malformed("is not valid form encoding: " + e.getMessage());
        }
      }
    }
    throw IngestionException.malformed("is a form without a '" + name + "' field");
  }

  /**
   * Base64 (standard or URL-safe alphabet, padded or not; a space is a '+' that a form's decoding
   * turned into one) to bytes.
   */
  private static byte[] base64(byte[] encoded) {
    String text = new String(encoded, StandardCharsets.US_ASCII).strip().replace(' ', '+');
    boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
    if (text.length() % 4 != 0 && !text.endsWith("=")) {
      text = text + "=".repeat(4 - text.length() % 4);
    }
    try {
      return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    } catch (IllegalArgumentException e) {
      throw IngestionException.malformed("is not valid base64: " + e.getMessage());
    }
  }

  private static JsonElement json(byte[] bytes) {
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
