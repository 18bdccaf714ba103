package io.productopsdash.engine.text.redact;

import java.math.BigInteger;
import java.util.Random;

/**
 * Valid national identity numbers generated from a seeded {@link Random}, for the redaction tests
 * and benchmark. The checks are computed here from each scheme's published rule, independently of
 * {@link NationalIdScanner}, so a bug there cannot make both sides agree.
 */
final class PlantedNationalIds {
  private PlantedNationalIds() {}

  /** A US SSN by the SSA's rules, grouped 3-2-4 with dashes or spaces. */
  static String ssn(Random r) {
    int area;
    do {
      area = 1 + r.nextInt(899);
    } while (area == 666);
    int group = 1 + r.nextInt(99);
    int serial = 1 + r.nextInt(9999);
    String sep = r.nextInt(4) == 0 ? " " : "-";
    return String.format("%03d%s%02d%s%04d", area, sep, group, sep, serial);
  }

  private static final String NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ";
  private static final String NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ";

  /** A UK National Insurance number, compact or in pairs. */
  static String nino(Random r) {
    String prefix;
    do {
      prefix =
          ""
              + NINO_FIRST.charAt(r.nextInt(NINO_FIRST.length()))
              + NINO_SECOND.charAt(r.nextInt(NINO_SECOND.length()));
    } while (java.util.List.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ").contains(prefix));
    String digits = PlantedSecrets.digits(r, 6);
    char suffix = "ABCD".charAt(r.nextInt(4));
    return r.nextBoolean()
        ? prefix + digits + suffix
        : prefix
            + " "
            + digits.substring(0, 2)
            + " "
            + digits.substring(2, 4)
            + " "
            + digits.substring(4)
            + " "
            + suffix;
  }

  /** A Canadian SIN: Luhn-valid, first digit 1-7 or 9, grouped 3-3-3. */
  static String sin(Random r) {
    String first = String.valueOf("12345679".charAt(r.nextInt(8)));
    String digits = PlantedSecrets.luhnComplete(r, first, 9);
    String sep = r.nextBoolean() ? " " : "-";
    return digits.substring(0, 3) + sep + digits.substring(3, 6) + sep + digits.substring(6);
  }

  /** A Spanish DNI (8 digits) or NIE (X/Y/Z and 7 digits) with its mod-23 letter. */
  static String dniOrNie(Random r) {
    String letters = "TRWAGMYFPDXBNJZSQVHLCKE";
    if (r.nextBoolean()) {
      String digits = PlantedSecrets.digits(r, 8);
      return digits + letters.charAt((int) (Long.parseLong(digits) % 23));
    }
    int prefix = r.nextInt(3);
    String digits = PlantedSecrets.digits(r, 7);
    long n = Long.parseLong(prefix + digits);
    return "XYZ".charAt(prefix) + digits + letters.charAt((int) (n % 23));
  }

  /** A Brazilian CPF, 000.000.000-00, with both check digits. */
  static String cpf(Random r) {
    StringBuilder d = new StringBuilder(PlantedSecrets.digits(r, 9));
    for (int len = 9; len <= 10; len++) {
      int sum = 0;
      for (int i = 0; i < len; i++) {
        sum += (d.charAt(i) - '0') * (len + 1 - i);
      }
      int rest = sum % 11;
      d.append(rest < 2 ? 0 : 11 - rest);
    }
    return d.substring(0, 3)
        + "."
        + d.substring(3, 6)
        + "."
        + d.substring(6, 9)
        + "-"
        + d.substring(9);
  }

  private static final int[][] D = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
    {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
    {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
    {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
  };
  private static final int[][] P = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
    {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
    {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}
  };
  private static final int[] INV = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

  /** An Aadhaar number: 11 digits from 2-9 first, then the Verhoeff check digit; grouped 4-4-4. */
  static String aadhaar(Random r) {
    String body = (char) ('2' + r.nextInt(8)) + PlantedSecrets.digits(r, 10);
    int c = 0;
    for (int i = 0; i < body.length(); i++) {
      c = D[c][P[(i + 1) % 8][body.charAt(body.length() - 1 - i) - '0']];
    }
    String all = body + INV[c];
    String sep = r.nextBoolean() ? " " : "-";
    return all.substring(0, 4) + sep + all.substring(4, 8) + sep + all.substring(8);
  }

  /** A French NIR with its key, spaced as on the carte Vitale or compact. */
  static String nir(Random r) {
    String sex = String.valueOf(1 + r.nextInt(2));
    String year = PlantedSecrets.digits(r, 2);
    String month = String.format("%02d", 1 + r.nextInt(12));
    String department = String.format("%02d", 1 + r.nextInt(95));
    String commune = String.format("%03d", 1 + r.nextInt(999));
    String order = String.format("%03d", 1 + r.nextInt(999));
    String thirteen = sex + year + month + department + commune + order;
    long key = 97 - new BigInteger(thirteen).mod(BigInteger.valueOf(97)).longValue();
    String k = String.format("%02d", key);
    return r.nextBoolean()
        ? thirteen + k
        : String.join(" ", sex, year, month, department, commune, order, k);
  }

  private static final int[] ODD = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };

  /** An Italian codice fiscale with its check letter. */
  static String codiceFiscale(Random r) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      b.append((char) ('A' + r.nextInt(26)));
    }
    b.append(PlantedSecrets.digits(r, 2));
    b.append("ABCDEHLMPRST".charAt(r.nextInt(12)));
    b.append(String.format("%02d", 1 + r.nextInt(71)));
    b.append((char) ('A' + r.nextInt(26)));
    b.append(PlantedSecrets.digits(r, 3));
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = b.charAt(i);
      int v = c >= '0' && c <= '9' ? c - '0' : c - 'A';
      sum += i % 2 == 0 ? ODD[v] : v;
    }
    return b.append((char) ('A' + sum % 26)).toString();
  }
}
