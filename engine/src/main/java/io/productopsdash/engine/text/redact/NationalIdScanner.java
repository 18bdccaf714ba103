package io.productopsdash.engine.text.redact;

import io.productopsdash.engine.text.redact.SecretScanner.Hit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * National identity and tax numbers, each confirmed by its own check where one exists, so that
 * order numbers, dates and amounts of the same shape stay:
 *
 * <ul>
 *   <li>US Social Security and ITIN numbers, {@code 078-05-1120} or {@code 078 05 1120}: no area
 *       000, 666 or (for an SSN) 9xx, no group 00, no serial 0000 (the SSA's own rules; there is
 *       no check digit); nine bare digits only after an SSN cue ("SSN", "social security");
 *   <li>UK National Insurance numbers, {@code QQ 12 34 56 C}: the prefixes HMRC allocates (no D, F,
 *       I, Q, U or V first, no O second, not BG, GB, KN, NK, NT, TN or ZZ) and a suffix A-D;
 *   <li>Canadian Social Insurance Numbers, {@code 046 454 286}: grouped 3-3-3, Luhn-valid, not
 *       starting with 0 or 8;
 *   <li>Spanish DNI and NIE, {@code 12345678Z}, {@code X1234567L}: the mod-23 check letter;
 *   <li>Brazilian CPF, {@code 123.456.789-09}: both mod-11 check digits;
 *   <li>Indian Aadhaar, {@code 2345 6789 0124}: grouped 4-4-4, not starting with 0 or 1, Verhoeff
 *       check digit;
 *   <li>French NIR (social security), {@code 1 84 12 76 451 089 46}: sex, year, month, department
 *       and the key {@code 97 - n mod 97};
 *   <li>Italian codice fiscale, {@code RSSMRA85T10A562S}: the check letter of the odd/even tables.
 * </ul>
 *
 * <p>Right after an identity-number word ("DNI", "SSN", "passport number", "tax id"...), any number
 * of at least five digits is removed, valid or not: a typo in one's own id is still one's id.
 * IBANs are found by {@link SecretScanner} (mod 97). Stateless and thread-safe.
 */
final class NationalIdScanner {
  /* Not inside a longer run of digit groups ("089/123 456 78 2024 03 05" is a phone and a date,
   * not an SSN in the middle), nor part of an amount, id or token. */
  private static final String START = "(?<![\\w.,/\\-+#$\u20ac\u00a3])(?<!\\d[ \\-])";
  private static final String END = "(?![\\w]|[.,/\\-]\\d|[ \\-]\\d)";

  private static final Pattern SSN_GROUPED =
      Pattern.compile(START + "(\\d{3})([\\- ])(\\d{2})\\2(\\d{4})" + END);
  private static final Pattern NINE_DIGITS = Pattern.compile(START + "(\\d{3})(\\d{2})(\\d{4})" + END);
  /* Within this many characters before nine bare digits, one of these words makes them an SSN. */
  private static final Pattern SSN_CUE =
      Pattern.compile(
          "(?i)\\b(?:ssn|ss#|ssns|social[ \\-]security(?: number| no\\.?| #)?|itin|tax ?id)\\b[^\\n]{0,24}$");
  private static final Pattern NINO =
      Pattern.compile(
          "(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Za-ceghj-pr-tw-z][A-CEGHJ-NPR-TW-Za-ceghj-npr-tw-z])"
              + " ?(\\d{2}) ?(\\d{2}) ?(\\d{2}) ?([A-Da-d])(?![A-Za-z0-9])");
  private static final Pattern SIN =
      Pattern.compile(START + "([1-79]\\d{2})([\\- ])(\\d{3})\\2(\\d{3})" + END);
  private static final Pattern DNI =
      Pattern.compile("(?<![\\w\\-])([XYZxyz]?)(\\d{7,8})-?([A-Za-z])(?![\\w])");
  private static final Pattern CPF =
      Pattern.compile(START + "(\\d{3})\\.(\\d{3})\\.(\\d{3})-(\\d{2})" + END);
  private static final Pattern AADHAAR =
      Pattern.compile(START + "([2-9]\\d{3})([\\- ])(\\d{4})\\2(\\d{4})" + END);
  private static final Pattern NIR =
      Pattern.compile(
          START
              + "([12]) ?(\\d{2}) ?(0[1-9]|1[0-2]|[2-9]\\d) ?(\\d{2}|2[ABab]) ?(\\d{3}) ?(\\d{3})"
              + " ?(\\d{2})"
              + END);
  private static final Pattern CODICE_FISCALE =
      Pattern.compile(
          "(?<![A-Za-z0-9])[A-Za-z]{6}\\d{2}[A-EHLMPR-Ta-ehlmpr-t]\\d{2}[A-Za-z]\\d{3}[A-Za-z](?![A-Za-z0-9])");

  /* An identity-number word right before a number: the number is removed even when its check fails
   * or its scheme has no check here (a typo in one's own DNI is still one's DNI). */
  private static final Pattern ID_CUE_AND_NUMBER =
      Pattern.compile(
          "(?i)\\b(?:dni|nie|nif|ssn|social security(?: number| no\\.?)?|national insurance(?: number)?"
              + "|ni number|nino|social insurance number|sin number|cpf|aadhaa?r(?: number)?|nir|codice fiscale"
              + "|tax (?:id|number|identification number)|tin|steuer-?id|steuernummer|passport(?: number| no\\.?)?"
              + "|id(?: card)? (?:number|no\\.?)|national id(?: number)?|identity (?:card )?number"
              + "|personnummer|bsn|pesel|curp|rfc|rut|nric)\\b"
              + "(?:\\s*(?:is|was|:|#|=)\\s*|\\s+)"
              + "(?-i:([A-Za-z]{0,3}\\d[0-9A-Za-z.\\-/]{3,24}[0-9A-Za-z]|\\d{2,4}(?: \\d{2,4}){1,4}(?: [A-Za-z])?))"
              + "(?![\\w\\-/])");
  private static final int MIN_CUED_DIGITS = 5;

  private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
  private static final List<String> NINO_BAD_PREFIXES =
      List.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

  private NationalIdScanner() {}

  /* Words that can start an identity-number cue; the cue pattern runs only when one is present. */
  private static final List<String> CUE_STARTS =
      List.of("dni", "nie", "nif", "ssn", "social", "insurance", "ni number", "nino", "sin", "cpf",
          "aadhaa", "nir", "codice", "tax", "tin", "steuer", "passport", "id", "personnummer",
          "bsn", "pesel", "curp", "rfc", "rut", "nric");

  /** {@code lower} is {@code text} lower-cased (Locale.ROOT), for the cue gate. */
  static void scan(String text, String lower, List<Hit> out) {
    ssns(text, out);
    add(out, NINO.matcher(text), NationalIdScanner::nino);
    add(out, SIN.matcher(text), m -> Checksums.luhn(m.group(1) + m.group(3) + m.group(4)));
    add(out, DNI.matcher(text), NationalIdScanner::dni);
    add(out, CPF.matcher(text), m -> cpf(m.group(1) + m.group(2) + m.group(3) + m.group(4)));
    add(
        out,
        AADHAAR.matcher(text),
        m -> verhoeff(m.group(1) + m.group(3) + m.group(4)));
    add(out, NIR.matcher(text), NationalIdScanner::nir);
    add(out, CODICE_FISCALE.matcher(text), m -> codiceFiscale(m.group()));
    if (CredentialScanner.containsAny(lower, CUE_STARTS)) {
      cuedNumbers(text, out);
    }
  }

  /** A number of at least five digits right after an identity-number word ("my DNI is 48291630T"). */
  private static void cuedNumbers(String text, List<Hit> out) {
    Matcher m = ID_CUE_AND_NUMBER.matcher(text);
    while (m.find()) {
      String number = m.group(1);
      if (number.chars().filter(Character::isDigit).count() >= MIN_CUED_DIGITS) {
        out.add(new Hit(RedactionKind.NATIONAL_ID, m.start(1), m.end(1)));
      }
    }
  }

  private interface Check {
    boolean test(Matcher m);
  }

  private static void add(List<Hit> out, Matcher m, Check check) {
    while (m.find()) {
      if (check.test(m)) {
        out.add(new Hit(RedactionKind.NATIONAL_ID, m.start(), m.end()));
      }
    }
  }

  /** Grouped 3-2-4 numbers by the SSA's rules; nine bare digits only after an SSN cue. */
  private static void ssns(String text, List<Hit> out) {
    add(out, SSN_GROUPED.matcher(text), m -> ssnOrItin(m.group(1), m.group(3), m.group(4)));
    Matcher m = NINE_DIGITS.matcher(text);
    while (m.find()) {
      int from = Math.max(0, m.start() - 48);
      if (ssnOrItin(m.group(1), m.group(2), m.group(3))
          && SSN_CUE.matcher(text.substring(from, m.start())).find()) {
        out.add(new Hit(RedactionKind.NATIONAL_ID, m.start(), m.end()));
      }
    }
  }

  /**
   * An SSN (area 001-899 but 666, group 01-99, serial 0001-9999) or an ITIN (area 9xx with group
   * 50-65, 70-88, 90-92 or 94-99).
   */
  static boolean ssnOrItin(String area, String group, String serial) {
    int a = Integer.parseInt(area);
    int g = Integer.parseInt(group);
    int s = Integer.parseInt(serial);
    if (g == 0 || s == 0 || a == 0) {
      return false;
    }
    if (a >= 900) {
      return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94;
    }
    return a != 666;
  }

  private static boolean nino(Matcher m) {
    String prefix = m.group(1).toUpperCase(Locale.ROOT);
    if (NINO_BAD_PREFIXES.contains(prefix)) {
      return false;
    }
    // Written in one case: "qq123456c" or "QQ123456C", not "Ab123456c" (a word-like token).
    String letters = m.group(1) + m.group(5);
    return letters.equals(letters.toUpperCase(Locale.ROOT))
        || letters.equals(letters.toLowerCase(Locale.ROOT));
  }

  private static boolean dni(Matcher m) {
    String prefix = m.group(1).toUpperCase(Locale.ROOT);
    String digits = m.group(2);
    if (prefix.isEmpty() ? digits.length() != 8 : digits.length() != 7) {
      return false;
    }
    String number = (prefix.isEmpty() ? "" : String.valueOf("XYZ".indexOf(prefix))) + digits;
    long n = Long.parseLong(number);
    char letter = Character.toUpperCase(m.group(3).charAt(0));
    return DNI_LETTERS.charAt((int) (n % 23)) == letter;
  }

  /** Both CPF check digits (weights 10..2 and 11..2, mod 11), and not one digit repeated. */
  static boolean cpf(String d) {
    if (d.chars().distinct().count() == 1) {
      return false;
    }
    for (int check = 9; check <= 10; check++) {
      int sum = 0;
      for (int i = 0; i < check; i++) {
        sum += (d.charAt(i) - '0') * (check + 1 - i);
      }
      int digit = (sum * 10) % 11 % 10;
      if (digit != d.charAt(check) - '0') {
        return false;
      }
    }
    return true;
  }

  private static final int[][] VERHOEFF_D = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
    {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
    {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
    {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
    {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
    {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
    {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
  };
  private static final int[][] VERHOEFF_P = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
    {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
    {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
    {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
    {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
    {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}
  };

  /** The Verhoeff check (dihedral group D5) over all digits, check digit last. */
  static boolean verhoeff(String digits) {
    int c = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      c = VERHOEFF_D[c][VERHOEFF_P[i % 8][d]];
    }
    return c == 0;
  }

  /** The NIR key: 97 minus the first 13 characters mod 97 (Corsica's 2A/2B count as 19/18). */
  private static boolean nir(Matcher m) {
    String department = m.group(4).toUpperCase(Locale.ROOT);
    long adjust = 0;
    if (department.equals("2A")) {
      department = "19";
      adjust = 1_000_000;
    } else if (department.equals("2B")) {
      department = "18";
      adjust = 2_000_000;
    }
    long n =
        Long.parseLong(
            m.group(1) + m.group(2) + m.group(3) + department + m.group(5) + m.group(6));
    long key = 97 - ((n - adjust) % 97);
    return key == Long.parseLong(m.group(7));
  }

  private static final int[] CF_ODD = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };

  /** The codice fiscale check letter: odd positions through the odd table, even ones by value. */
  static boolean codiceFiscale(String code) {
    String cf = code.toUpperCase(Locale.ROOT);
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = cf.charAt(i);
      int value = Character.isDigit(c) ? c - '0' : c - 'A';
      sum += i % 2 == 0 ? CF_ODD[value] : value;
    }
    return cf.charAt(15) == (char) ('A' + sum % 26);
  }
}
