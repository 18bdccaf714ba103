package io.productopsdash.engine.text.redact;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Valid secrets generated from a seeded {@link Random}, for the redaction tests and benchmark.
 * Every checksum is computed here independently of the production code (its own SHA-256 use, bech32
 * encoder, Base58 encoder, Luhn and mod-97 arithmetic), so a bug in {@link Checksums} cannot make
 * both sides agree.
 */
final class PlantedSecrets {
  static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final HexFormat HEX = HexFormat.of();

  private PlantedSecrets() {}

  // ---- BIP39 ----------------------------------------------------------------------------------

  /**
   * A valid BIP39 mnemonic of {@code words} words (12, 15, 18, 21 or 24): random entropy of {@code
   * words * 32 / 3} bits, then the first {@code entropy / 32} bits of its SHA-256 as the checksum,
   * then 11-bit indices into the English list.
   */
  static List<String> bip39Words(Random random, int words) {
    if (words % 3 != 0 || words < 12 || words > 24) {
      throw new IllegalArgumentException("Invalid BIP39 length: " + words);
    }
    int entropyBits = words * 32 / 3;
    byte[] entropy = new byte[entropyBits / 8];
    random.nextBytes(entropy);
    byte[] hash = sha256(entropy);
    int checksumBits = entropyBits / 32;
    BigInteger bits = new BigInteger(1, entropy).shiftLeft(checksumBits);
    bits = bits.or(BigInteger.valueOf((hash[0] & 0xff) >>> (8 - checksumBits)));
    List<String> out = new ArrayList<>(words);
    for (int w = words - 1; w >= 0; w--) {
      int index = bits.shiftRight(w * 11).intValue() & 0x7ff;
      out.add(Bip39Words.LIST.get(index));
    }
    return out;
  }

  /** Verifies a mnemonic's checksum the way a wallet does (used to test the generator). */
  static boolean bip39ChecksumValid(List<String> words) {
    BigInteger bits = BigInteger.ZERO;
    for (String w : words) {
      int index = Bip39Words.LIST.indexOf(w.toLowerCase(Locale.ROOT));
      if (index < 0) {
        return false;
      }
      bits = bits.shiftLeft(11).or(BigInteger.valueOf(index));
    }
    int total = words.size() * 11;
    int checksumBits = total / 33;
    int entropyBits = total - checksumBits;
    byte[] entropy = toFixedBytes(bits.shiftRight(checksumBits), entropyBits / 8);
    int checksum = bits.intValue() & ((1 << checksumBits) - 1);
    return ((sha256(entropy)[0] & 0xff) >>> (8 - checksumBits)) == checksum;
  }

  static String phrase(List<String> words) {
    return String.join(" ", words);
  }

  /** "1. abandon 2. ability ..." on one line, or one numbered word per line. */
  static String numbered(List<String> words, boolean newlines) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        b.append(newlines ? "\n" : " ");
      }
      b.append(i + 1).append(". ").append(words.get(i));
    }
    return b.toString();
  }

  static String commaSeparated(List<String> words) {
    return String.join(", ", words);
  }

  // ---- crypto addresses and keys --------------------------------------------------------------

  static String ethAddress(Random random) {
    byte[] b = new byte[20];
    random.nextBytes(b);
    return "0x" + mixCase(random, HEX.formatHex(b));
  }

  static String hexPrivateKey(Random random, boolean prefixed) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return (prefixed ? "0x" : "") + HEX.formatHex(b);
  }

  /** A segwit address: witness v0 with a 20- or 32-byte program (bech32), v1 (bech32m). */
  static String segwitAddress(Random random, String hrp, int version, int programBytes) {
    byte[] program = new byte[programBytes];
    random.nextBytes(program);
    List<Integer> data = new ArrayList<>();
    data.add(version);
    data.addAll(convertBits(program, 8, 5));
    return bech32Encode(hrp, data, version == 0 ? 1 : 0x2bc830a3);
  }

  static String bech32Encode(String hrp, List<Integer> data, int constant) {
    List<Integer> values = new ArrayList<>();
    for (char c : hrp.toCharArray()) {
      values.add(c >> 5);
    }
    values.add(0);
    for (char c : hrp.toCharArray()) {
      values.add(c & 31);
    }
    values.addAll(data);
    for (int i = 0; i < 6; i++) {
      values.add(0);
    }
    int mod = polymod(values) ^ constant;
    StringBuilder b = new StringBuilder(hrp).append('1');
    for (int d : data) {
      b.append(BECH32.charAt(d));
    }
    for (int i = 0; i < 6; i++) {
      b.append(BECH32.charAt((mod >>> (5 * (5 - i))) & 31));
    }
    return b.toString();
  }

  private static int polymod(List<Integer> values) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int v : values) {
      int top = chk >>> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ v;
      for (int i = 0; i < 5; i++) {
        if (((top >>> i) & 1) == 1) {
          chk ^= gen[i];
        }
      }
    }
    return chk;
  }

  private static List<Integer> convertBits(byte[] in, int from, int to) {
    int acc = 0;
    int bits = 0;
    int max = (1 << to) - 1;
    List<Integer> out = new ArrayList<>();
    for (byte b : in) {
      acc = (acc << from) | (b & 0xff);
      bits += from;
      while (bits >= to) {
        bits -= to;
        out.add((acc >>> bits) & max);
      }
    }
    if (bits > 0) {
      out.add((acc << (to - bits)) & max);
    }
    return out;
  }

  /** A legacy address: version byte (0x00 gives "1...", 0x05 gives "3...") + 20 bytes. */
  static String base58CheckAddress(Random random, int version) {
    byte[] payload = new byte[21];
    random.nextBytes(payload);
    payload[0] = (byte) version;
    return base58Check(payload);
  }

  /** A WIF private key: 0x80 + 32 bytes ("5..."), + 0x01 when compressed ("K..." or "L..."). */
  static String wif(Random random, boolean compressed) {
    byte[] payload = new byte[compressed ? 34 : 33];
    random.nextBytes(payload);
    payload[0] = (byte) 0x80;
    if (compressed) {
      payload[33] = 1;
    }
    return base58Check(payload);
  }

  /** A Solana-style address: 32 random bytes in Base58, no checksum. */
  static String solanaAddress(Random random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    b[0] |= 1; // no leading zero byte, so the text is 43-44 characters like real addresses
    return base58(b);
  }

  static String base58Check(byte[] payload) {
    byte[] check = sha256(sha256(payload));
    byte[] all = new byte[payload.length + 4];
    System.arraycopy(payload, 0, all, 0, payload.length);
    System.arraycopy(check, 0, all, payload.length, 4);
    return base58(all);
  }

  static String base58(byte[] bytes) {
    StringBuilder b = new StringBuilder();
    BigInteger n = new BigInteger(1, bytes);
    BigInteger radix = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(radix);
      b.append(BASE58.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      b.append('1');
    }
    return b.reverse().toString();
  }

  // ---- cards and IBANs ------------------------------------------------------------------------

  private static final String[] CARD_PREFIXES = {
    "4", "4", "51", "52", "53", "54", "55", "2221", "2720", "2500", "34", "37", "6011", "65",
    "3530", "3589", "36", "62"
  };

  /** A Luhn-valid card number with a real issuer prefix, in the printed grouping of its kind. */
  static String card(Random random) {
    String prefix = CARD_PREFIXES[random.nextInt(CARD_PREFIXES.length)];
    boolean amex = prefix.equals("34") || prefix.equals("37");
    boolean diners = prefix.equals("36");
    int length = amex ? 15 : diners ? 14 : prefix.equals("4") && random.nextInt(8) == 0 ? 19 : 16;
    String digits = luhnComplete(random, prefix, length);
    int style = random.nextInt(3); // 0 compact, 1 spaces, 2 dashes
    if (style == 0) {
      return digits;
    }
    char sep = style == 1 ? ' ' : '-';
    if (amex || diners) {
      return digits.substring(0, 4) + sep + digits.substring(4, 10) + sep + digits.substring(10);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 4) {
      if (i > 0) {
        b.append(sep);
      }
      b.append(digits, i, Math.min(i + 4, digits.length()));
    }
    return b.toString();
  }

  static String luhnComplete(Random random, String prefix, int length) {
    StringBuilder b = new StringBuilder(prefix);
    while (b.length() < length - 1) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    for (char check = '0'; check <= '9'; check++) {
      if (luhn(b.toString() + check)) {
        return b.append(check).toString();
      }
    }
    throw new AssertionError("unreachable: one check digit always fits");
  }

  static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  /** BBAN shapes: 'n' a digit, 'a' an upper-case letter, 'c' either. */
  private static final String[][] IBAN_FORMATS = {
    {"DE", "nnnnnnnnnnnnnnnnnn"},
    {"GB", "aaaannnnnnnnnnnnnn"},
    {"FR", "nnnnnnnnnncccccccccccnn"},
    {"NL", "aaaannnnnnnnnn"},
    {"ES", "nnnnnnnnnnnnnnnnnnnn"},
    {"IT", "annnnnnnnnncccccccccccc"},
    {"CH", "nnnnncccccccccccc"},
    {"BE", "nnnnnnnnnnnn"},
    {"PL", "nnnnnnnnnnnnnnnnnnnnnnnn"},
    {"NO", "nnnnnnnnnnn"},
    {"AT", "nnnnnnnnnnnnnnnn"},
    {"IE", "aaaannnnnnnnnnnnnn"},
  };

  /** A valid IBAN with computed check digits; spaced in groups of four or compact. */
  static String iban(Random random, boolean spaced) {
    String[] format = IBAN_FORMATS[random.nextInt(IBAN_FORMATS.length)];
    StringBuilder bban = new StringBuilder();
    for (char c : format[1].toCharArray()) {
      boolean letter = c == 'a' || (c == 'c' && random.nextInt(3) == 0);
      bban.append(letter ? (char) ('A' + random.nextInt(26)) : (char) ('0' + random.nextInt(10)));
    }
    String compact = format[0] + ibanCheckDigits(format[0], bban.toString()) + bban;
    return spaced ? groupsOfFour(compact) : compact;
  }

  /** ISO 7064 MOD 97-10: 98 minus the remainder of BBAN + country + "00". */
  static String ibanCheckDigits(String country, String bban) {
    String rearranged = bban + country + "00";
    StringBuilder numeric = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    return String.format(Locale.ROOT, "%02d", check);
  }

  static String groupsOfFour(String compact) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < compact.length(); i += 4) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(compact, i, Math.min(i + 4, compact.length()));
    }
    return b.toString();
  }

  // ---- emails, phones, names ------------------------------------------------------------------

  static final String[] FIRST_NAMES = {
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "Michael",
    "Jennifer",
    "David",
    "Linda",
    "William",
    "Elizabeth",
    "Richard",
    "Barbara",
    "Thomas",
    "Susan",
    "Daniel",
    "Jessica",
    "Matthew",
    "Sarah",
    "Anthony",
    "Karen",
    "Priya",
    "Mohammed",
    "Wei",
    "Sofia",
    "Lukas",
    "Emma",
    "Oliver",
    "Amelia",
    "Hiroshi",
    "Fatima"
  };
  static final String[] LAST_NAMES = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson",
    "Martin", "Lee", "Patel", "Nguyen", "Schneider", "Kowalski", "Rossi", "Dubois", "Tanaka",
    "Okafor", "Silva", "Novak"
  };
  private static final String[] DOMAINS = {
    "gmail.com",
    "yahoo.co.uk",
    "outlook.com",
    "example.org",
    "mail.company-name.io",
    "web.de",
    "proton.me",
    "uni.example.edu"
  };

  static String fullName(Random random) {
    return FIRST_NAMES[random.nextInt(FIRST_NAMES.length)]
        + " "
        + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
  }

  static String email(Random random) {
    String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)].toLowerCase(Locale.ROOT);
    String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)].toLowerCase(Locale.ROOT);
    String local =
        switch (random.nextInt(5)) {
          case 0 -> first + "." + last;
          case 1 -> first + "_" + last + random.nextInt(100);
          case 2 -> first.charAt(0) + last;
          case 3 -> first + "+bank";
          default -> last + "-" + first;
        };
    return local + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
  }

  /** A phone number in one of the ways people write them (North America, UK, Germany, France). */
  static String phone(Random random) {
    String area = nanpCode(random);
    String exchange = nanpCode(random);
    String line = digits(random, 4);
    return switch (random.nextInt(10)) {
      case 0 -> "+1 " + area + " " + exchange + " " + line;
      case 1 -> "(" + area + ") " + exchange + "-" + line;
      case 2 -> area + "-" + exchange + "-" + line;
      case 3 -> "+1" + area + exchange + line;
      case 4 -> "+44 20 " + digits(random, 4) + " " + digits(random, 4);
      case 5 -> "0049 30 " + digits(random, 7);
      case 6 -> "+49 (0)" + (30 + random.nextInt(60)) + " " + digits(random, 7);
      case 7 -> "020 " + digits(random, 4) + " " + digits(random, 4);
      case 8 ->
          "+33 "
              + (1 + random.nextInt(9))
              + " "
              + digits(random, 2)
              + " "
              + digits(random, 2)
              + " "
              + digits(random, 2)
              + " "
              + digits(random, 2);
      default -> "1-800-" + exchange + "-" + line;
    };
  }

  /**
   * A phone number written without separators after a trunk 0: UK mobile (07 + 9 digits), German
   * mobile (015x, 016x, 017x + 7 or 8 digits), German and French landlines (030 + 7 or 8, 089 + 7
   * or 8, 01-05 + 8 digits).
   */
  static String phoneCompactTrunk(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> "07" + (1 + random.nextInt(9)) + digits(random, 8);
      case 1 ->
          "01"
              + (5 + random.nextInt(3))
              + digits(random, 1)
              + digits(random, 7 + random.nextInt(2));
      case 2 -> "030" + digits(random, 7 + random.nextInt(2));
      case 3 -> "089" + digits(random, 7 + random.nextInt(2));
      default -> "0" + (1 + random.nextInt(5)) + digits(random, 8);
    };
  }

  /** A German area code with a slash: "030/1234567", "0221/123456", "089/123 456 78". */
  static String phoneAreaSlash(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> "030/" + digits(random, 7 + random.nextInt(2));
      case 1 ->
          "0"
              + (2 + random.nextInt(8))
              + digits(random, 2)
              + "/"
              + digits(random, 6 + random.nextInt(2));
      case 2 ->
          "0"
              + (2 + random.nextInt(8))
              + digits(random, 3)
              + "/"
              + digits(random, 5 + random.nextInt(2));
      default -> "089/" + digits(random, 3) + " " + digits(random, 3) + " " + digits(random, 2);
    };
  }

  /** Ten North American digits without separators, one time in five with a leading 1. */
  static String phoneNanpCompact(Random random) {
    return (random.nextInt(5) == 0 ? "1" : "")
        + nanpCode(random)
        + nanpCode(random)
        + digits(random, 4);
  }

  private static String nanpCode(Random random) {
    return (char) ('2' + random.nextInt(8)) + digits(random, 2);
  }

  static String digits(Random random, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    return b.toString();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static String mixCase(Random random, String hex) {
    if (random.nextBoolean()) {
      return hex;
    }
    StringBuilder b = new StringBuilder(hex);
    for (int i = 0; i < b.length(); i++) {
      if (random.nextBoolean()) {
        b.setCharAt(i, Character.toUpperCase(b.charAt(i)));
      }
    }
    return b.toString();
  }

  private static byte[] toFixedBytes(BigInteger n, int length) {
    byte[] raw = n.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
