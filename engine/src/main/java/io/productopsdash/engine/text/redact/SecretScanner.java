package io.productopsdash.engine.text.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * <p>Phones ({@link #phones}): with a {@code +} or {@code 00} prefix, with separators in the North
 * American 3-3-4 plan or after a trunk 0, in French pairs; and without separators: a trunk 0 and 9
 * to 11 digits ({@code 07700900123}, {@code 015123456789}) or an area code with a slash ({@code
 * 030/1234567}) unless an id word just before claims the number ("order 0123456789"), and ten North
 * American digits ({@code 4155552671}) only next to a phone cue ("call me on", "text me", "my
 * mobile", "whatsapp", "my number is"), since ten bare digits are as often an order, transaction or
 * reference number.
 *
 * <p>Seed phrases ({@link #seedPhrases}): a run of at least 12 BIP39 words is redacted when a
 * window of it has a valid BIP39 checksum and is not written like prose, when a seed cue is near,
 * or when it is written as a phrase list.
 */
final class SecretScanner {
  /** A detection in the original text: {@code [start, end)}. */
  record Hit(RedactionKind kind, int start, int end) {}

  /** A seed phrase is a run of at least this many BIP39 words (BIP39 phrases have 12 to 24). */
  static final int MIN_SEED_WORDS = 12;

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\w.%+\\-])[A-Za-z0-9][A-Za-z0-9._%+\\-]*+@(?:[A-Za-z0-9\\-]++\\.)+[A-Za-z]{2,24}(?![\\w\\-])");

  /* Phones. Numbers alone are never phones: each shape needs a sign of a dialled number (a '+',
   * a 00 or trunk 0 prefix with groups, or the North American 3-3-4 plan with valid area and
   * exchange codes), so order numbers, amounts and dates stay. */
  private static final String PHONE_END = "(?![\\w]|[.,\\-]\\d)";
  private static final Pattern PHONE_PLUS =
      Pattern.compile("(?<![\\w+])\\+[1-9]\\d*+(?:[ .\\-]?+(?:\\(\\d++\\)|\\d++))*+" + PHONE_END);
  private static final Pattern PHONE_00 =
      Pattern.compile("(?<![\\w+.,\\-])00[1-9]\\d*+(?:[ .\\-](?:\\(\\d++\\)|\\d++))++" + PHONE_END);
  private static final Pattern PHONE_NANP =
      Pattern.compile(
          "(?<![\\w+.,\\-])(?:1[ .\\-]?)?(?:\\([2-9]\\d{2}\\)[ .\\-]?|[2-9]\\d{2}[ .\\-])"
              + "[2-9]\\d{2}[ .\\-]\\d{4}"
              + PHONE_END);
  private static final Pattern PHONE_TRUNK =
      Pattern.compile(
          "(?<![\\w+.,\\-])(?:\\(0\\d{1,4}\\)[ ]?|0\\d{1,4}[ \\-])\\d{3,4}(?:[ \\-]?\\d{3,4}){1,2}"
              + PHONE_END);
  private static final Pattern PHONE_PAIRS =
      Pattern.compile("(?<![\\w+.,\\-])0[1-9](?:([ .\\-])\\d{2})(?:\\1\\d{2}){3}" + PHONE_END);

  /* Phones written without separators. A trunk 0 and 9 to 11 more digits (UK 07700900123, DE
   * 015123456789, 0301234567), an area code with a slash and one block or 2-4 short groups
   * (030/1234567, 089/123 456 78; "030/1234567 10" keeps the 10), and the North American
   * ten digits (4155552671, with or without a leading 1). Not after or before anything that
   * makes the digits part of an amount, a decimal, a date, an id or a longer token. */
  private static final String COMPACT_START = "(?<![\\w+.,\\-/#$\u20ac\u00a3:])";
  private static final String COMPACT_END = "(?![\\w]|[.,\\-/:]\\d)";
  private static final Pattern PHONE_TRUNK_COMPACT =
      Pattern.compile(COMPACT_START + "0[1-9]\\d{8,10}" + COMPACT_END);
  private static final Pattern PHONE_AREA_SLASH =
      Pattern.compile(
          COMPACT_START
              + "0[1-9]\\d{1,4}/(?:\\d{5,}|\\d{2,4}(?:[ \\-]\\d{2,4}){1,3})"
              + COMPACT_END);
  private static final Pattern PHONE_NANP_COMPACT =
      Pattern.compile(COMPACT_START + "1?[2-9]\\d{2}[2-9]\\d{6}" + COMPACT_END);

  /* Words that say a number nearby is a phone number, and words that say it is something else
   * (an order, a transfer, an account...). "number", "no", "nr" and "#" alone say neither: the
   * word before them decides ("order number", "mobile number"), and with none they lean to a
   * phone ("my number is ..."). */
  private static final Pattern CUE_WORD = Pattern.compile("[A-Za-z]+|#");
  private static final Set<String> PHONE_CUES =
      Set.of(
          ("call calls called calling ring dial phone phones phoned telephone tel mobile mob cell "
                  + "cellphone landline fax whatsapp text txt sms reach contact")
              .split(" "));
  private static final Set<String> ID_CUES =
      Set.of(
          ("order orders ref reference transaction transactions tx txn transfer payment invoice"
               + " ticket tracking case confirmation booking receipt parcel serial id account acct"
               + " iban card customer member policy contract pin otp passcode cvv imei routing sort"
               + " amount balance total")
              .split(" "));
  private static final Set<String> NUMBER_WORDS = Set.of("number", "no", "nr", "num", "#");

  /** How far before a compact number its cue may be, in characters and (for ids) in words. */
  private static final int CUE_BEFORE_CHARS = 48;

  private static final int ID_CUE_WORDS = 3;
  private static final int CUE_AFTER_CHARS = 24;

  /** Digit groups joined by single spaces or dashes; cards are searched inside. */
  private static final Pattern DIGIT_RUN =
      Pattern.compile("(?<![\\w.,\\-+])\\d++(?:[ \\-]\\d++)*+(?![\\w]|[.,]\\d)");

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

  /* What may separate two words of a seed phrase: spaces, newlines, list punctuation and the
   * numbering of a written-down phrase ("1. abandon 2) ability #3 able"). A lone full stop or any
   * other word ends the run. */
  private static final Pattern SEED_GAP =
      Pattern.compile("(?:[\\s,;|/*\\-\u2022\u00b7]|[(#]?\\d{1,2}(?!\\d)[.):]?)+");

  /* Words that say a run of BIP39 words is a wallet's secret. "seed" and "phrase" are BIP39
   * words themselves, so the cue may sit inside the run ("my seed phrase abandon ..."). */
  private static final Pattern SEED_CUE =
      Pattern.compile(
          "(?i)\\b(?:seed|phrase|mnemonic|recovery|recover|backup|back-up|secret (?:words?|phrase)"
              + "|(?:12|15|18|21|24|twelve|fifteen|eighteen|twenty-one|twenty-four)[ \\-]words?"
              + "|wallet words?)\\b");

  private static final int SEED_CUE_BEFORE = 80;
  private static final int SEED_CUE_AFTER = 40;

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
    if (digits) {
      phones(text, out);
      cards(text, out);
      ibans(text, out);
    }
    // Keys and addresses are random: one may, rarely, have no digit at all.
    hex(text, out);
    bech32(text, out);
    base58(text, out);
    seedPhrases(text, out);
  }

  static void emails(String text, List<Hit> out) {
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      out.add(new Hit(RedactionKind.EMAIL, m.start(), m.end()));
    }
  }

  static void phones(String text, List<Hit> out) {
    addPhones(PHONE_PLUS.matcher(text), 0, 8, 15, out);
    addPhones(PHONE_00.matcher(text), 2, 8, 15, out);
    addPhones(PHONE_NANP.matcher(text), 0, 10, 11, out);
    addPhones(PHONE_TRUNK.matcher(text), 0, 10, 12, out);
    addPhones(PHONE_PAIRS.matcher(text), 0, 10, 10, out);
    compactPhones(text, PHONE_TRUNK_COMPACT.matcher(text), 10, 12, false, out);
    compactPhones(text, PHONE_AREA_SLASH.matcher(text), 9, 12, false, out);
    compactPhones(text, PHONE_NANP_COMPACT.matcher(text), 10, 11, true, out);
  }

  /** What the words around a compact number say it is. */
  enum Cue {
    PHONE,
    OTHER_ID,
    NONE
  }

  /**
   * Compact phones: a trunk-0 or area-slash candidate is a phone unless an id word claims it
   * ("order 0123456789"), a North American ten-digit one only when a phone word says so ("call me
   * on 4155552671"), since ten bare digits are as often an order or transaction number.
   */
  private static void compactPhones(
      String text, Matcher m, int min, int max, boolean needsPhoneCue, List<Hit> out) {
    while (m.find()) {
      int end = m.end();
      int n = 0;
      for (int i = m.start(); i < end; i++) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
          n++;
        }
      }
      // Digit groups after an area code may be followed by other numbers ("030/1234567 2024"):
      // the trailing groups go until the count fits.
      while (n > max) {
        int cut = Math.max(text.lastIndexOf(' ', end - 1), text.lastIndexOf('-', end - 1));
        if (cut <= m.start()) {
          break;
        }
        n -= end - cut - 1;
        end = cut;
      }
      if (n < min || n > max) {
        continue;
      }
      Cue cue = cue(text, m.start(), end);
      if (needsPhoneCue ? cue == Cue.PHONE : cue != Cue.OTHER_ID) {
        out.add(new Hit(RedactionKind.PHONE, m.start(), end));
      }
    }
  }

  /**
   * The cue for the number at {@code [start, end)}. Words before it are read nearest first, up to
   * {@link #CUE_BEFORE_CHARS} characters back: a phone word decides PHONE; an id word decides
   * OTHER_ID when it is one of the {@link #ID_CUE_WORDS} nearest words ("order 0123456789"), or
   * right before "number" ("reference number on my card"), so a "tx" earlier in a long sentence
   * does not claim a phone. With no decision, a "number" before it means PHONE; otherwise the first
   * words after it may say PHONE ("4155552671 is my cell").
   */
  static Cue cue(String text, int start, int end) {
    List<String> before = new ArrayList<>();
    Matcher w = CUE_WORD.matcher(text).region(Math.max(0, start - CUE_BEFORE_CHARS), start);
    while (w.find()) {
      before.add(w.group().toLowerCase(Locale.ROOT));
    }
    // A word cut by the window's edge is not a word.
    if (start - CUE_BEFORE_CHARS > 0
        && !before.isEmpty()
        && Character.isLetter(text.charAt(start - CUE_BEFORE_CHARS - 1))
        && Character.isLetter(text.charAt(start - CUE_BEFORE_CHARS))) {
      before.remove(0);
    }
    boolean numberWord = false;
    for (int k = before.size() - 1, nearness = 0; k >= 0; k--, nearness++) {
      String word = before.get(k);
      if (PHONE_CUES.contains(word)) {
        return Cue.PHONE;
      }
      if (ID_CUES.contains(word) && nearness < ID_CUE_WORDS) {
        return Cue.OTHER_ID;
      }
      if (NUMBER_WORDS.contains(word)) {
        numberWord = true;
        String previous = k > 0 ? before.get(k - 1) : "";
        if (ID_CUES.contains(previous)) {
          return Cue.OTHER_ID;
        }
      }
    }
    if (numberWord) {
      return Cue.PHONE;
    }
    Matcher after =
        CUE_WORD.matcher(text).region(end, Math.min(text.length(), end + CUE_AFTER_CHARS));
    while (after.find()) {
      if (PHONE_CUES.contains(after.group().toLowerCase(Locale.ROOT))) {
        return Cue.PHONE;
      }
    }
    return Cue.NONE;
  }

  /**
   * Keeps the phone candidates whose digit count, less {@code prefixDigits} (the 00 of an
   * international prefix), is within [{@code min}, {@code max}]: E.164 allows at most 15.
   */
  private static void addPhones(Matcher m, int prefixDigits, int min, int max, List<Hit> out) {
    while (m.find()) {
      String candidate = m.group();
      int n = -prefixDigits;
      for (int i = 0; i < candidate.length(); i++) {
        char c = candidate.charAt(i);
        if (c >= '0' && c <= '9') {
          n++;
        }
      }
      if (n >= min && n <= max) {
        out.add(new Hit(RedactionKind.PHONE, m.start(), m.end()));
      }
    }
  }

  /**
   * Card numbers: 13 to 19 digits, written as one group or in the groupings cards are printed with
   * (fours, Amex 4-6-5, Diners 4-6-4), starting with a card network's issuer prefix, and
   * Luhn-valid. Windows of a longer run of groups are tried, longest first, so "4111 1111 1111 1111
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
        i++; // the separator
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
    if (count > 1) {
      char sep = text.charAt(groups.get(first)[1]);
      for (int k = first + 1; k < last; k++) {
        if (text.charAt(groups.get(k)[1]) != sep) {
          return false;
        }
      }
      if (!cardGrouping(lengths)) {
        return false;
      }
    }
    StringBuilder digits = new StringBuilder(total);
    for (int k = first; k <= last; k++) {
      int[] g = groups.get(k);
      digits.append(text, g[0], g[1]);
    }
    return issuerPrefix(digits) && Checksums.luhn(digits);
  }

  /**
   * The issuer identification numbers of the card networks: Mastercard 2221-2720 and 51-55, Diners
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
        yield four >= 2221 && four <= 2720;
      }
      case '3' -> second == '0' || (second >= '4' && second <= '9');
      case '4', '5', '6' -> true;
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

  /**
   * Seed phrases: runs of at least {@link #MIN_SEED_WORDS} consecutive BIP39 words, in any case,
   * separated by whitespace, commas or the numbering of a written-down list, redacted whole when
   * one of these holds:
   *
   * <ol>
   *   <li>a window of 12, 15, 18, 21 or 24 consecutive words of the run has a valid BIP39 checksum
   *       and is not written like prose (see {@link #hasValidChecksum}; a random window passes the
   *       checksum with probability 1/16 for 12 words, 1/256 for 24);
   *   <li>a seed cue is near: {@link #SEED_CUE} within {@link #SEED_CUE_BEFORE} characters before
   *       the run, inside it or within {@link #SEED_CUE_AFTER} after it, so a phrase with a typo
   *       still goes when its writer says what it is;
   *   <li>12 consecutive words of it are written as a phrase list: numbered ("1. abandon 2.
   *       ability"), one word per line, or all lower case with single spaces and nothing else.
   * </ol>
   *
   * Ordinary sentences made of listed words ("Please add more bonus reward option, they want cash,
   * price alert, real time") have no cue, are not lists, and either read as prose (commas in some
   * places, capitals in some words) or fail the checksum. What is left: a sentence of 12 or more
   * listed words with no punctuation at all, in one case, passes one 12-word window's checksum with
   * probability 1/16, and all lower case it is taken as a list.
   */
  static void seedPhrases(String text, List<Hit> out) {
    int n = text.length();
    // The current run's words: start, end and list index of each.
    int[] starts = new int[32];
    int[] ends = new int[32];
    int[] indices = new int[32];
    int runWords = 0;
    Matcher gap = SEED_GAP.matcher(text);
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      int length = i - s;
      int index =
          length >= 3 && length <= 8
              ? Bip39Words.index(text.substring(s, i).toLowerCase(Locale.ROOT))
              : -1;
      if (index < 0 || runWords == 0 || !gap.region(ends[runWords - 1], s).matches()) {
        if (runWords >= MIN_SEED_WORDS) {
          addSeedPhrase(text, starts, ends, indices, runWords, out);
        }
        runWords = 0;
      }
      if (index >= 0) {
        if (runWords == starts.length) {
          starts = Arrays.copyOf(starts, runWords * 2);
          ends = Arrays.copyOf(ends, runWords * 2);
          indices = Arrays.copyOf(indices, runWords * 2);
        }
        starts[runWords] = s;
        ends[runWords] = i;
        indices[runWords] = index;
        runWords++;
      }
    }
    if (runWords >= MIN_SEED_WORDS) {
      addSeedPhrase(text, starts, ends, indices, runWords, out);
    }
  }

  /** Adds the run of {@code count} listed words when one of the three rules holds. */
  private static void addSeedPhrase(
      String text, int[] starts, int[] ends, int[] indices, int count, List<Hit> out) {
    int start = starts[0];
    int end = ends[count - 1];
    if (hasValidChecksum(text, starts, ends, indices, count)
        || hasSeedCue(text, start, end)
        || writtenAsList(text, starts, ends, count)) {
      out.add(new Hit(RedactionKind.SEED_PHRASE, withNumbering(text, start), end));
    }
  }

  /**
   * True when a window of 12 to 24 words (a multiple of 3) has a valid BIP39 checksum and is not
   * written like prose: a window with capitals in places (not all words, not only the first) or
   * with commas between some words and bare spaces between others is a sentence, whatever its
   * checksum says, since a written-down phrase keeps one case and one separator.
   */
  private static boolean hasValidChecksum(
      String text, int[] starts, int[] ends, int[] indices, int count) {
    for (int length = MIN_SEED_WORDS; length <= 24 && length <= count; length += 3) {
      for (int from = 0; from + length <= count; from++) {
        if (!proseLike(text, starts, ends, from, length)
            && Checksums.bip39(indices, from, length)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean proseLike(String text, int[] starts, int[] ends, int from, int length) {
    int capitalised = 0;
    int upper = 0;
    boolean firstCapitalised = false;
    boolean commas = false;
    boolean spaces = false;
    for (int k = from; k < from + length; k++) {
      boolean firstUpper = Character.isUpperCase(text.charAt(starts[k]));
      boolean restLower = isLowerCase(text, starts[k] + 1, ends[k]);
      if (firstUpper && restLower) {
        capitalised++;
        firstCapitalised |= k == from;
      } else if (firstUpper && !restLower) {
        upper++;
      }
      if (k > from) {
        boolean comma = false;
        boolean blank = true;
        for (int c = ends[k - 1]; c < starts[k]; c++) {
          char ch = text.charAt(c);
          comma |= ch == ',' || ch == ';';
          blank &= ch == ' ' || ch == '\t';
        }
        commas |= comma;
        spaces |= blank;
      }
    }
    boolean oneCase =
        capitalised + upper == 0
            || capitalised == length
            || upper == length
            || (capitalised == 1 && upper == 0 && firstCapitalised);
    return !oneCase || (commas && spaces);
  }

  private static boolean hasSeedCue(String text, int start, int end) {
    return SEED_CUE
        .matcher(text)
        .region(Math.max(0, start - SEED_CUE_BEFORE), Math.min(text.length(), end + SEED_CUE_AFTER))
        .find();
  }

  /**
   * True when {@link #MIN_SEED_WORDS} consecutive words of the run are joined by list numbers
   * throughout, by line breaks throughout, or are all lower case joined by single spaces.
   */
  private static boolean writtenAsList(String text, int[] starts, int[] ends, int count) {
    int numbered = 1;
    int lines = 1;
    int plain = isLowerCase(text, starts[0], ends[0]) ? 1 : 0;
    for (int k = 1; k < count; k++) {
      int gapStart = ends[k - 1];
      int gapEnd = starts[k];
      boolean digit = false;
      boolean newline = false;
      for (int c = gapStart; c < gapEnd; c++) {
        digit |= Character.isDigit(text.charAt(c));
        newline |= text.charAt(c) == '\n';
      }
      numbered = digit ? numbered + 1 : 1;
      lines = newline ? lines + 1 : 1;
      boolean singleSpace = gapEnd - gapStart == 1 && text.charAt(gapStart) == ' ';
      boolean lower = isLowerCase(text, starts[k], ends[k]);
      plain = lower ? (singleSpace ? plain + 1 : 1) : 0;
      if (numbered >= MIN_SEED_WORDS || lines >= MIN_SEED_WORDS || plain >= MIN_SEED_WORDS) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLowerCase(String text, int start, int end) {
    for (int c = start; c < end; c++) {
      if (!Character.isLowerCase(text.charAt(c))) {
        return false;
      }
    }
    return true;
  }

  /** The start of "1. abandon" when the phrase's first word carries a list number. */
  private static int withNumbering(String text, int wordStart) {
    int i = wordStart;
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    if (i > 0 && ".):".indexOf(text.charAt(i - 1)) >= 0) {
      i--;
    }
    int digitsEnd = i;
    while (i > 0 && digitsEnd - i < 2 && Character.isDigit(text.charAt(i - 1))) {
      i--;
    }
    if (i == digitsEnd) {
      return wordStart;
    }
    if (i > 0 && (text.charAt(i - 1) == '(' || text.charAt(i - 1) == '#')) {
      i--;
    }
    return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) ? i : wordStart;
  }
}
