package io.productopsdash.engine.text.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pattern-and-checksum detectors behind {@link Redactor}. Every detector first matches a cheap
 * candidate pattern with boundaries on both sides (a secret is never cut out of a longer token),
 * then confirms it: Luhn for cards, mod 97 for IBANs, bech32/bech32m and double-SHA-256 checksums
 * for addresses and WIF keys, digit counts and numbering-plan shapes for phones, and for seed
 * phrases the BIP39 list plus a checksum, a cue or a list layout. Near misses such as order
 * numbers, amounts, dates, versions and short hex strings fail one of these steps. Stateless and
 * thread-safe.
 *
 * <p>Phones ({@link PhoneScanner}): with a {@code +} or {@code 00} prefix, with separators in the North
 * American 3-3-4 plan or after a trunk 0, in French pairs; and without separators: a trunk 0 and 9
 * to 11 digits ({@code 07700900123}, {@code 015123456789}) or an area code with a slash ({@code
 * 030/1234567}) unless an id word just before claims the number ("order 0123456789"), and ten North
 * American digits ({@code 4155552671}) only next to a phone cue ("call me on", "text me", "my
 * mobile", "whatsapp", "my number is"), since ten bare digits are as often an order, transaction or
 * reference number.
 *
 * <p>Seed phrases ({@link SeedPhraseScanner}): a run of at least 12 BIP39 words is redacted when a
 * window of it has a valid BIP39 checksum and is not written like prose, when a seed cue is near,
 * or when it is written as a phrase list.
 *
 * <p>National ids ({@link NationalIdScanner}), IP addresses ({@link IpAddressScanner}), passwords
 * and API keys ({@link CredentialScanner}) have their own scanners with their own checks and cues.
 */
final class SecretScanner {
  /** A detection in the original text: {@code [start, end)}. */
  record Hit(RedactionKind kind, int start, int end) {}


  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\w.%+\\-])[A-Za-z0-9][A-Za-z0-9._%+\\-]*+@(?:[A-Za-z0-9\\-]++\\.)+[A-Za-z]{2,24}(?![\\w\\-])");

  /**
   * One separator between a card's digit groups as people type them: one to three spaces, or a
   * dash, dot, slash or underscore (ASCII or a Unicode dash) with at most one space on each side.
   */
  private static final String CARD_SEPARATOR =
      "(?:[ \\u00a0]{1,3}|[ \\u00a0]?[\\-./_\\u2010-\\u2015][ \\u00a0]?)";

  /**
   * Digit groups joined by a separator of up to three characters: spaces, or a dash, dot, slash or
   * underscore with spaces around it or not ("4111 1111", "4111.1111", "4111 - 1111"); cards are
   * searched inside.
   */
  private static final Pattern DIGIT_RUN =
      Pattern.compile(
          "(?<![\\w.,\\-+/])\\d++(?:" + CARD_SEPARATOR + "\\d++)*+(?![\\w]|[.,/\\-]\\d)");

  private static final Pattern IBAN_COMPACT =
      Pattern.compile("(?<![0-9A-Za-z])[A-Za-z]{2}\\d{2}[0-9A-Za-z]{11,30}(?![0-9A-Za-z])");
  private static final Pattern IBAN_SPACED =
      Pattern.compile(
          "(?<![0-9A-Za-z])[A-Za-z]{2}\\d{2}(?: [0-9A-Za-z]{4}){2,8}(?:"
              + " [0-9A-Za-z]{1,3})?(?![0-9A-Za-z])");

  private static final Pattern ETH_ADDRESS =
      Pattern.compile("(?<![0-9A-Za-z])0[xX][0-9a-fA-F]{40}(?![0-9A-Za-z])");
  private static final Pattern HEX_KEY =
      Pattern.compile("(?<![0-9A-Za-z])(?:0[xX])?[0-9a-fA-F]{64}(?![0-9A-Za-z])");
  private static final Pattern BECH32 =
      Pattern.compile(
          "(?<![0-9A-Za-z])(?:[a-z]{1,15}1[02-9ac-hj-np-z]{6,87}|[A-Z]{1,15}1[02-9AC-HJ-NP-Z]{6,87})"
              + "(?![0-9A-Za-z])");
  private static final Pattern BASE58 =
      Pattern.compile("(?<![0-9A-Za-z])[1-9A-HJ-NP-Za-km-z]{25,112}(?![0-9A-Za-z])");

  /* Extended private keys (BIP-32 version bytes of xprv, tprv, yprv, zprv, uprv, vprv). */
  private static final int[] EXTENDED_PRIVATE_VERSIONS = {
    0x0488ADE4, 0x04358394, 0x049D7878, 0x04B2430C, 0x044A4E28, 0x045F18BC
  };

  private SecretScanner() {}

  /** Adds every detection in {@code text} to {@code out}; detections may overlap. */
  static void scan(String text, List<Hit> out) {
    boolean digits = false;
    boolean at = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      digits |= c >= '0' && c <= '9';
      at |= c == '@';
    }
    if (at) {
      emails(text, out);
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (digits) {
      PhoneScanner.phones(text, out);
      cards(text, out);
      ibans(text, out);
      NationalIdScanner.scan(text, lower, out);
      IpAddressScanner.scan(text, out);
    }
    CredentialScanner.scan(text, lower, out);
    // Keys and addresses are random: one may, rarely, have no digit at all.
    hex(text, out);
    bech32(text, out);
    base58(text, out);
    SeedPhraseScanner.seedPhrases(text, out);
  }

  static void emails(String text, List<Hit> out) {
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      out.add(new Hit(RedactionKind.EMAIL, m.start(), m.end()));
    }
  }

  /**
   * Card numbers: 13 to 19 digits, written as one group or in the groupings cards are printed with
   * (fours, Amex 4-6-5, Diners 4-6-4) with any separators (spaces, dashes, dots, slashes,
   * underscores), starting with a card network's issuer prefix, and Luhn-valid. Windows of a longer run of groups are tried, longest first, so "4111 1111 1111 1111
   * 12/25" still finds the card.
   */
  static void cards(String text, List<Hit> out) {
    Matcher m = DIGIT_RUN.matcher(text);
    List<int[]> groups = new ArrayList<>();
    while (m.find()) {
      if (m.end() - m.start() < 13) {
        continue;
      }
      groups.clear();
      int i = m.start();
      while (i < m.end()) {
        int s = i;
        while (i < m.end() && Character.isDigit(text.charAt(i))) {
          i++;
        }
        groups.add(new int[] {s, i});
        while (i < m.end() && !Character.isDigit(text.charAt(i))) {
          i++; // the separator
        }
      }
      int first = 0;
      while (first < groups.size()) {
        // A card has at most 19 digits: only windows that short are tried, so a long run of
        // numbers costs linear time.
        int longest = first;
        int digits = groups.get(first)[1] - groups.get(first)[0];
        while (longest + 1 < groups.size()
            && digits + groups.get(longest + 1)[1] - groups.get(longest + 1)[0] <= 19) {
          longest++;
          digits += groups.get(longest)[1] - groups.get(longest)[0];
        }
        int found = -1;
        for (int last = longest; last >= first && found < 0; last--) {
          if (isCard(text, groups, first, last)) {
            found = last;
          }
        }
        if (found >= 0) {
          out.add(new Hit(RedactionKind.CARD_NUMBER, groups.get(first)[0], groups.get(found)[1]));
          first = found + 1;
        } else {
          first++;
        }
      }
    }
  }

  private static boolean isCard(String text, List<int[]> groups, int first, int last) {
    int count = last - first + 1;
    int[] lengths = new int[count];
    int total = 0;
    for (int k = 0; k < count; k++) {
      int[] g = groups.get(first + k);
      lengths[k] = g[1] - g[0];
      total += lengths[k];
    }
    if (total < 13 || total > 19) {
      return false;
    }
    // Separators may differ ("4111 1111-1111.1111"): the grouping, issuer prefix and Luhn decide.
    if (count > 1 && !cardGrouping(lengths)) {
      return false;
    }
    StringBuilder digits = new StringBuilder(total);
    for (int k = first; k <= last; k++) {
      int[] g = groups.get(k);
      digits.append(text, g[0], g[1]);
    }
    return issuerPrefix(digits) && Checksums.luhn(digits);
  }

  /**
   * The issuer identification numbers of the card networks: Mastercard 2221-2720 and 51-55 (16
   * digits; a 15-digit number starting 2 is more likely a French social security number), Diners
   * 30/36/38/39, Amex 34/37, JCB 35, Visa 4, Maestro 50/56-58, Discover/UnionPay/RuPay 6. Numbers
   * starting otherwise (0, 1, 7-9, 20, 31-33 ...: timestamps, order and account numbers) are not
   * cards even when the Luhn digit happens to fit.
   */
  private static boolean issuerPrefix(CharSequence digits) {
    char first = digits.charAt(0);
    char second = digits.charAt(1);
    return switch (first) {
      case '2' -> {
        int four = Integer.parseInt(digits.subSequence(0, 4).toString());
        yield four >= 2221 && four <= 2720 && digits.length() == 16;
      }
      case '3' -> second == '0' || (second >= '4' && second <= '9');
      case '5' -> second == '0' || second > '5' || digits.length() == 16;
      case '4', '6' -> true;
      default -> false;
    };
  }

  private static boolean cardGrouping(int[] lengths) {
    int n = lengths.length;
    if (n == 3 && lengths[0] == 4 && lengths[1] == 6 && (lengths[2] == 5 || lengths[2] == 4)) {
      return true;
    }
    for (int k = 0; k < n - 1; k++) {
      if (lengths[k] != 4) {
        return false;
      }
    }
    return lengths[n - 1] >= 1 && lengths[n - 1] <= 4;
  }

  /**
   * IBANs (ISO 13616): a country code, two check digits and up to 30 letters or digits, written
   * compact or in groups of four, passing mod 97. A country in the IBAN registry fixes the length,
   * so the words after a spaced IBAN are never taken with it; a code not in the table (a newer
   * registration) may have 15 to 34 characters, and a spaced candidate is then tried without its
   * trailing groups, longest first.
   */
  static void ibans(String text, List<Hit> out) {
    Matcher m = IBAN_COMPACT.matcher(text);
    while (m.find()) {
      String compact = m.group();
      int expected = IbanRegistry.length(compact);
      if ((expected == 0 || expected == compact.length()) && validIban(compact)) {
        out.add(new Hit(RedactionKind.IBAN, m.start(), m.end()));
      }
    }
    m = IBAN_SPACED.matcher(text);
    while (m.find()) {
      String candidate = m.group();
      int expected = IbanRegistry.length(candidate);
      int end = candidate.length();
      while (end > 0) {
        String compact = candidate.substring(0, end).replace(" ", "");
        if (compact.length() < 15) {
          break;
        }
        if ((expected == 0 || expected == compact.length()) && validIban(compact)) {
          out.add(new Hit(RedactionKind.IBAN, m.start(), m.start() + end));
          break;
        }
        end = candidate.lastIndexOf(' ', end - 1);
      }
    }
  }

  private static boolean validIban(String compact) {
    if (compact.length() < 15 || compact.length() > 34) {
      return false;
    }
    int digits = 0;
    for (int i = 4; i < compact.length(); i++) {
      if (Character.isDigit(compact.charAt(i))) {
        digits++;
      }
    }
    // Every national account format is mostly digits; a word-like tail is not an IBAN.
    return digits >= 6 && Checksums.ibanMod97(compact);
  }

  /** Ethereum-style addresses (0x + 40 hex) and 64-hex private keys (optionally 0x-prefixed). */
  static void hex(String text, List<Hit> out) {
    Matcher m = ETH_ADDRESS.matcher(text);
    while (m.find()) {
      out.add(new Hit(RedactionKind.CRYPTO_ADDRESS, m.start(), m.end()));
    }
    m = HEX_KEY.matcher(text);
    while (m.find()) {
      out.add(new Hit(RedactionKind.PRIVATE_KEY, m.start(), m.end()));
    }
  }

  /** Bech32 and bech32m strings (segwit addresses bc1/tb1/ltc1...) with a valid checksum. */
  static void bech32(String text, List<Hit> out) {
    Matcher m = BECH32.matcher(text);
    while (m.find()) {
      if (Checksums.bech32(m.group())) {
        out.add(new Hit(RedactionKind.CRYPTO_ADDRESS, m.start(), m.end()));
      }
    }
  }

  /**
   * Base58 tokens. With a valid Base58Check checksum: a WIF key (version 0x80/0xef and a 32-byte
   * key, optionally with the compression flag) or an extended private key is a private key, any
   * other (legacy P2PKH/P2SH addresses starting 1 or 3, altcoin addresses, xpubs) an address.
   * Without a checksum, a 32-44 character token that decodes to exactly 32 bytes and mixes upper
   * case, lower case and digits the way random keys do is taken as a Solana-style address.
   */
  static void base58(String text, List<Hit> out) {
    Matcher m = BASE58.matcher(text);
    while (m.find()) {
      String token = m.group();
      byte[] payload = Checksums.base58CheckPayload(token);
      if (payload != null) {
        out.add(new Hit(base58CheckKind(payload), m.start(), m.end()));
      } else if (solanaLike(token)) {
        out.add(new Hit(RedactionKind.CRYPTO_ADDRESS, m.start(), m.end()));
      }
    }
  }

  private static RedactionKind base58CheckKind(byte[] payload) {
    int version = payload[0] & 0xff;
    boolean wifVersion = version == 0x80 || version == 0xef;
    if (wifVersion && (payload.length == 33 || (payload.length == 34 && payload[33] == 1))) {
      return RedactionKind.PRIVATE_KEY;
    }
    if (payload.length == 78) {
      int v =
          ((payload[0] & 0xff) << 24)
              | ((payload[1] & 0xff) << 16)
              | ((payload[2] & 0xff) << 8)
              | (payload[3] & 0xff);
      for (int p : EXTENDED_PRIVATE_VERSIONS) {
        if (v == p) {
          return RedactionKind.PRIVATE_KEY;
        }
      }
    }
    return RedactionKind.CRYPTO_ADDRESS;
  }

  private static boolean solanaLike(String token) {
    if (token.length() < 32 || token.length() > 44) {
      return false;
    }
    int upper = 0;
    int lower = 0;
    int digit = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        upper++;
      } else if (c >= 'a' && c <= 'z') {
        lower++;
      } else {
        digit++;
      }
    }
    if (upper < 2 || lower < 2 || (digit == 0 && upper < 8)) {
      return false;
    }
    byte[] raw = Checksums.base58Decode(token);
    return raw != null && raw.length == 32;
  }

}
