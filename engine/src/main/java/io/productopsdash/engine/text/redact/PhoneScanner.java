package io.productopsdash.engine.text.redact;

import io.productopsdash.engine.text.redact.SecretScanner.Hit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phone-number detector of {@link SecretScanner}: with a {@code +} or {@code 00} prefix, with
 * separators in the North American 3-3-4 plan or after a trunk 0, in French pairs; and without
 * separators: a trunk 0 and 9 to 11 digits ({@code 07700900123}, {@code 015123456789}) or an area
 * code with a slash ({@code 030/1234567}) unless an id word just before claims the number ("order
 * 0123456789"), and ten or eleven digits without a trunk 0 ({@code 4155552671}, {@code
 * 9876543210}) when a country's numbering plan accepts them (libphonenumber; see {@link
 * NumberingPlans}) or a phone cue ("call me on", "text me", "my mobile", "whatsapp", "my number
 * is") stands next to the North American shape, again unless an id word claims them. Stateless and
 * thread-safe.
 */
final class PhoneScanner {
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
  /* Ten or eleven digits without a trunk 0: a national number in a plan without one (North
   * America, India, China, Brazil), checked against that plan by libphonenumber. */
  private static final Pattern PHONE_NATIONAL_COMPACT =
      Pattern.compile(COMPACT_START + "[1-9]\\d{9,10}" + COMPACT_END);
  private static final Pattern NANP_SHAPE = Pattern.compile("1?[2-9]\\d{2}[2-9]\\d{6}");

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

  private PhoneScanner() {}

  static void phones(String text, List<Hit> out) {
    addPhones(PHONE_PLUS.matcher(text), 0, 8, 15, out);
    addPhones(PHONE_00.matcher(text), 2, 8, 15, out);
    addPhones(PHONE_NANP.matcher(text), 0, 10, 11, out);
    addPhones(PHONE_TRUNK.matcher(text), 0, 10, 12, out);
    addPhones(PHONE_PAIRS.matcher(text), 0, 10, 10, out);
    compactPhones(text, PHONE_TRUNK_COMPACT.matcher(text), 10, 12, out);
    compactPhones(text, PHONE_AREA_SLASH.matcher(text), 9, 12, out);
    nationalCompactPhones(text, out);
  }

  /** What the words around a compact number say it is. */
  enum Cue {
    PHONE,
    OTHER_ID,
    NONE
  }

  /**
   * Compact phones: a trunk-0 or area-slash candidate is a phone unless an id word claims it
   * ("order 0123456789").
   */
  private static void compactPhones(
      String text, Matcher m, int min, int max, List<Hit> out) {
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
      if (cue != Cue.OTHER_ID) {
        out.add(new Hit(RedactionKind.PHONE, m.start(), end));
      }
    }
  }

  /**
   * Ten or eleven digits without separators or trunk 0 ("4155550132", "9876543210",
   * "13812345678"): a phone when a country plan of {@link NumberingPlans} accepts it, or when a
   * phone word says so and it has the North American shape, unless an id word claims it ("order
   * 4155550132"). Unix timestamps and most order numbers fail the plans: their first digits are no
   * assigned area code or mobile prefix.
   */
  private static void nationalCompactPhones(String text, List<Hit> out) {
    Matcher m = PHONE_NATIONAL_COMPACT.matcher(text);
    while (m.find()) {
      Cue cue = cue(text, m.start(), m.end());
      if (cue == Cue.OTHER_ID) {
        continue;
      }
      String digits = m.group();
      if ((cue == Cue.PHONE && NANP_SHAPE.matcher(digits).matches())
          || NumberingPlans.isNationalNumber(digits)) {
        out.add(new Hit(RedactionKind.PHONE, m.start(), m.end()));
      }
    }
  }

  /**
   * The cue for the number at {@code [start, end)}. Words before it are read nearest first, up to
   * {@link #CUE_BEFORE_CHARS} characters back but not past another number: a phone word decides PHONE; an id word decides
   * OTHER_ID when it is one of the {@link #ID_CUE_WORDS} nearest words ("order 0123456789"), or
   * right before "number" ("reference number on my card"), so a "tx" earlier in a long sentence
   * does not claim a phone. With no decision, a "number" before it means PHONE; otherwise the first
   * words after it may say PHONE ("4155552671 is my cell").
   */
  static Cue cue(String text, int start, int end) {
    List<String> before = new ArrayList<>();
    int from = Math.max(0, start - CUE_BEFORE_CHARS);
    // A cue word speaks for the next number only: "card 4111 1111 1111 1111, 4155550132" does not
    // make the second number a card's.
    for (int i = start - 1; i >= from; i--) {
      if (Character.isDigit(text.charAt(i))) {
        from = i + 1;
        break;
      }
    }
    Matcher w = CUE_WORD.matcher(text).region(from, start);
    while (w.find()) {
      before.add(w.group().toLowerCase(Locale.ROOT));
    }
    // A word cut by the window's edge is not a word.
    if (from > 0
        && !before.isEmpty()
        && Character.isLetter(text.charAt(from - 1))
        && Character.isLetter(text.charAt(from))) {
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
}
