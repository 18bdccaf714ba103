package io.productopsdash.engine.text.redact;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Credentials, API keys, IP addresses and the newer card and phone forms, generated from a seeded
 * {@link Random} for the redaction tests and benchmark. Key shapes follow the issuers' published
 * formats (Stripe, GitHub, AWS, Slack, Google, JWT per RFC 7519); phone numbers follow the
 * numbering plans' published mobile and area-code ranges, written without separators.
 */
final class PlantedCredentials {
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private PlantedCredentials() {}

  static String random(Random r, String alphabet, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** A password as people choose them: words, digits and a symbol, 8 to 16 characters. */
  static String password(Random r) {
    String[] words = {"Hunter", "Sunny", "dragon", "Kitten", "purple", "Monkey", "Summer", "tiger"};
    String[] symbols = {"!", "#", "$", "%", "&", "*", "?", "@"};
    String w = words[r.nextInt(words.length)];
    return switch (r.nextInt(4)) {
      case 0 -> w + r.nextInt(100) + symbols[r.nextInt(symbols.length)];
      case 1 -> w.toLowerCase() + PlantedSecrets.digits(r, 4);
      case 2 -> random(r, ALNUM, 10 + r.nextInt(6));
      default -> symbols[r.nextInt(symbols.length)] + w + "_" + r.nextInt(1000);
    };
  }

  /** A 4 to 6 digit PIN. */
  static String pin(Random r) {
    return PlantedSecrets.digits(r, 4 + r.nextInt(3));
  }

  /** An API key or token in one of the published formats. */
  static String apiKey(Random r) {
    return switch (r.nextInt(9)) {
      case 0 -> (r.nextBoolean() ? "sk_live_" : "sk_test_") + random(r, ALNUM, 24 + r.nextInt(76));
      case 1 -> "rk_live_" + random(r, ALNUM, 24 + r.nextInt(76));
      case 2 -> "gh" + "pousr".charAt(r.nextInt(5)) + "_" + random(r, ALNUM, 36);
      case 3 -> "github_pat_" + random(r, ALNUM, 22) + "_" + random(r, ALNUM, 59);
      case 4 -> (r.nextBoolean() ? "AKIA" : "ASIA") + random(r, UPPER_ALNUM, 16);
      case 5 ->
          "xox"
              + "bp".charAt(r.nextInt(2))
              + "-"
              + PlantedSecrets.digits(r, 12)
              + "-"
              + PlantedSecrets.digits(r, 13)
              + "-"
              + random(r, ALNUM, 24);
      case 6 -> "AIza" + random(r, ALNUM + "_-", 35);
      case 7 -> jwt(r);
      default -> "sk-proj-" + random(r, ALNUM, 48);
    };
  }

  /** A JWT: base64url header and payload JSON, and a 32-byte signature. */
  static String jwt(Random r) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    String payload =
        "{\"sub\":\"" + PlantedSecrets.digits(r, 10) + "\",\"iat\":" + (1700000000 + r.nextInt(1 << 26)) + "}";
    byte[] sig = new byte[32];
    r.nextBytes(sig);
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(sig);
  }

  /** A random key without a known prefix: 24 to 40 base62 characters (said to be a key). */
  static String unprefixedKey(Random r) {
    String k;
    do {
      k = random(r, ALNUM, 24 + r.nextInt(17));
    } while (!k.matches("(?:.*\\d){2}.*") || !k.matches("(?:.*[A-Z]){2}.*") || !k.matches("(?:.*[a-z]){2}.*"));
    return k;
  }

  /** An IPv4 address (any of the ranges people paste: home, office, public), sometimes with a port. */
  static String ipv4(Random r) {
    String ip =
        switch (r.nextInt(4)) {
          case 0 -> "192.168." + r.nextInt(256) + "." + (1 + r.nextInt(254));
          case 1 -> "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
          default ->
              (1 + r.nextInt(223))
                  + "."
                  + r.nextInt(256)
                  + "."
                  + r.nextInt(256)
                  + "."
                  + (1 + r.nextInt(254));
        };
    return r.nextInt(5) == 0 ? ip + ":" + (1024 + r.nextInt(60000)) : ip;
  }

  /** An IPv6 address in full or compressed form. */
  static String ipv6(Random r) {
    int[] groups = new int[8];
    groups[0] = 0x2001;
    for (int i = 1; i < 8; i++) {
      groups[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(0x10000);
    }
    groups[1] = 0x0db8 + r.nextInt(16);
    if (r.nextBoolean()) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        b.append(i > 0 ? ":" : "").append(Integer.toHexString(groups[i]));
      }
      return b.toString();
    }
    // Compress a run of zero groups in the middle.
    groups[3] = 0;
    groups[4] = 0;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      b.append(i > 0 ? ":" : "").append(Integer.toHexString(groups[i]));
    }
    b.append("::");
    for (int i = 5; i < 8; i++) {
      b.append(i > 5 ? ":" : "").append(Integer.toHexString(groups[i]));
    }
    return b.toString();
  }

  /** A Luhn-valid card written with dots, slashes, underscores, " - " or mixed separators. */
  static String cardAnySeparator(Random r) {
    String digits = PlantedSecrets.luhnComplete(r, r.nextBoolean() ? "4" : "5" + (1 + r.nextInt(5)), 16);
    String[] seps = {".", "/", "_", " - ", "  ", "\u2013"};
    boolean mixed = r.nextInt(4) == 0;
    String sep = seps[r.nextInt(seps.length)];
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i += 4) {
      if (i > 0) {
        b.append(mixed ? seps[r.nextInt(seps.length)] : sep);
      }
      b.append(digits, i, i + 4);
    }
    return b.toString();
  }

  /**
   * A phone number written as bare digits without a trunk 0: North American ten digits (area and
   * exchange codes from assigned ranges), Indian mobiles (98, 97, 96, 91, 88, 70 + 8 digits),
   * Chinese mobiles (138, 139, 150, 186 + 8 digits), Brazilian mobiles (area 11, 21, 31 + 9 + 8).
   */
  static String phoneByPlan(Random r) {
    String[] nanpAreas = {"212", "415", "312", "206", "617", "303", "512", "646", "702", "213"};
    return switch (r.nextInt(4)) {
      case 0 ->
          nanpAreas[r.nextInt(nanpAreas.length)]
              + (char) ('2' + r.nextInt(8))
              + PlantedSecrets.digits(r, 6);
      case 1 ->
          new String[] {"98", "97", "96", "91", "88", "70"}[r.nextInt(6)]
              + PlantedSecrets.digits(r, 8);
      case 2 ->
          new String[] {"138", "139", "150", "186"}[r.nextInt(4)] + PlantedSecrets.digits(r, 8);
      default ->
          new String[] {"11", "21", "31"}[r.nextInt(3)] + "9" + (char) ('6' + r.nextInt(4))
              + PlantedSecrets.digits(r, 7);
    };
  }
}
