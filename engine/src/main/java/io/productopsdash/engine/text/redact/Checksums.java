package io.productopsdash.engine.text.redact;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The check-digit and checksum algorithms that tell a real card number, IBAN or address from a
 * string that merely looks like one. All methods are pure and thread-safe.
 */
final class Checksums {
  /** The Bitcoin Base58 alphabet: no 0, O, I or l. */
  static final String BASE58_ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  /** The bech32 data alphabet (BIP-173): no 1, b, i or o. */
  static final String BECH32_ALPHABET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  /** The polymod residue of a valid bech32 string (BIP-173). */
  static final int BECH32_CONST = 1;

  /** The polymod residue of a valid bech32m string (BIP-350). */
  static final int BECH32M_CONST = 0x2bc830a3;

  private static final int[] BECH32_GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };

  private static final byte[] BASE58_INDEX = new byte[128];

  static {
    Arrays.fill(BASE58_INDEX, (byte) -1);
    for (int i = 0; i < BASE58_ALPHABET.length(); i++) {
      BASE58_INDEX[BASE58_ALPHABET.charAt(i)] = (byte) i;
    }
  }

  private Checksums() {}

  /** True when the digits (and only digits) in {@code digits} pass the Luhn mod-10 check. */
  static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean doubleIt = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }

  /**
   * The ISO 13616 / ISO 7064 mod-97-10 check of an IBAN without spaces: move the first four
   * characters to the end, replace letters by 10..35, and the number must be 1 modulo 97.
   */
  static boolean ibanMod97(CharSequence iban) {
    int n = iban.length();
    if (n < 5) {
      return false;
    }
    int remainder = 0;
    for (int k = 0; k < n; k++) {
      char c = Character.toUpperCase(iban.charAt((k + 4) % n));
      if (c >= '0' && c <= '9') {
        remainder = (remainder * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
      } else {
        return false;
      }
    }
    return remainder == 1;
  }

  /**
   * The bech32 or bech32m checksum of a whole string such as {@code bc1q...} (BIP-173, BIP-350):
   * the human-readable part before the last '1', data characters after it, one case throughout.
   *
   * @return true when the string's polymod residue is the bech32 or the bech32m constant
   */
  static boolean bech32(String s) {
    boolean hasLower = false;
    boolean hasUpper = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 33 || c > 126) {
        return false;
      }
      hasLower |= c >= 'a' && c <= 'z';
      hasUpper |= c >= 'A' && c <= 'Z';
    }
    if (hasLower && hasUpper) {
      return false;
    }
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    int sep = lower.lastIndexOf('1');
    if (sep < 1 || sep + 7 > lower.length()) {
      return false;
    }
    int chk = 1;
    for (int i = 0; i < sep; i++) {
      chk = bech32Step(chk, lower.charAt(i) >> 5);
    }
    chk = bech32Step(chk, 0);
    for (int i = 0; i < sep; i++) {
      chk = bech32Step(chk, lower.charAt(i) & 31);
    }
    for (int i = sep + 1; i < lower.length(); i++) {
      int v = BECH32_ALPHABET.indexOf(lower.charAt(i));
      if (v < 0) {
        return false;
      }
      chk = bech32Step(chk, v);
    }
    return chk == BECH32_CONST || chk == BECH32M_CONST;
  }

  /** One step of the bech32 BCH-code polymod over GF(32). */
  static int bech32Step(int chk, int value) {
    int top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    for (int i = 0; i < 5; i++) {
      if (((top >>> i) & 1) != 0) {
        chk ^= BECH32_GENERATOR[i];
      }
    }
    return chk;
  }

  /**
   * Decodes a Base58 string (Bitcoin alphabet); each leading '1' is a leading zero byte.
   *
   * @return the bytes, or null when a character is outside the alphabet
   */
  static byte[] base58Decode(CharSequence s) {
    int zeros = 0;
    while (zeros < s.length() && s.charAt(zeros) == '1') {
      zeros++;
    }
    // Base-256 digits, least significant first; log(58)/log(256) < 0.733.
    byte[] b256 = new byte[s.length() * 733 / 1000 + 1];
    int length = 0;
    for (int i = zeros; i < s.length(); i++) {
      char c = s.charAt(i);
      int carry = c < 128 ? BASE58_INDEX[c] : -1;
      if (carry < 0) {
        return null;
      }
      int j = 0;
      for (; j < length || carry != 0; j++) {
        carry += 58 * (b256[j] & 0xff);
        b256[j] = (byte) carry;
        carry >>>= 8;
      }
      length = j;
    }
    byte[] out = new byte[zeros + length];
    for (int k = 0; k < length; k++) {
      out[zeros + k] = b256[length - 1 - k];
    }
    return out;
  }

  /**
   * The payload of a Base58Check string: its bytes less the last four, which must equal the first
   * four bytes of the payload's double SHA-256.
   *
   * @return the payload, or null when the string is not valid Base58Check
   */
  static byte[] base58CheckPayload(CharSequence s) {
    byte[] raw = base58Decode(s);
    if (raw == null || raw.length < 5) {
      return null;
    }
    byte[] payload = Arrays.copyOf(raw, raw.length - 4);
    byte[] hash = sha256(sha256(payload));
    for (int i = 0; i < 4; i++) {
      if (hash[i] != raw[payload.length + i]) {
        return null;
      }
    }
    return payload;
  }

  /**
   * The BIP39 checksum of a mnemonic given as word-list indices: {@code count} (12, 15, 18, 21 or
   * 24) indices from {@code from} make {@code 11 * count} bits, the first {@code 32 * count / 3} of
   * them the entropy and the last {@code count / 3} the checksum, which must equal the first bits
   * of the entropy's SHA-256.
   *
   * @return true when the checksum is valid; false for any other count
   */
  static boolean bip39(int[] indices, int from, int count) {
    if (count < 12 || count > 24 || count % 3 != 0) {
      return false;
    }
    int checksumBits = count / 3;
    int entropyBytes = count * 4 / 3;
    // 11-bit indices, most significant bit first, packed into bytes; the last byte holds the
    // checksum (at most 8 bits) in its top bits.
    byte[] bits = new byte[entropyBytes + 1];
    int bit = 0;
    for (int k = from; k < from + count; k++) {
      int index = indices[k];
      if (index < 0 || index > 2047) {
        return false;
      }
      for (int b = 10; b >= 0; b--, bit++) {
        if (((index >>> b) & 1) != 0) {
          bits[bit >>> 3] |= (byte) (0x80 >>> (bit & 7));
        }
      }
    }
    int expected = (sha256(Arrays.copyOf(bits, entropyBytes))[0] & 0xff) >>> (8 - checksumBits);
    int actual = (bits[entropyBytes] & 0xff) >>> (8 - checksumBits);
    return expected == actual;
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
