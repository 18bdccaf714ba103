package io.productopsdash.engine.text.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Check digits and checksums against published examples and test vectors. */
class ChecksumsTest {
  @Test
  void luhnAcceptsKnownNumbersAndRejectsOneDigitOff() {
    assertThat(Checksums.luhn("79927398713")).isTrue();
    assertThat(Checksums.luhn("4111111111111111")).isTrue();
    assertThat(Checksums.luhn("378282246310005")).isTrue();
    assertThat(Checksums.luhn("4111111111111112")).isFalse();
    assertThat(Checksums.luhn("79927398710")).isFalse();
    assertThat(Checksums.luhn("4111-1111")).isFalse();
  }

  @Test
  void ibanMod97AcceptsRegistryExamplesAndRejectsWrongCheckDigits() {
    assertThat(Checksums.ibanMod97("GB82WEST12345698765432")).isTrue();
    assertThat(Checksums.ibanMod97("DE89370400440532013000")).isTrue();
    assertThat(Checksums.ibanMod97("NL91ABNA0417164300")).isTrue();
    assertThat(Checksums.ibanMod97("gb82west12345698765432")).isTrue();
    assertThat(Checksums.ibanMod97("GB83WEST12345698765432")).isFalse();
    assertThat(Checksums.ibanMod97("DE89370400440532013001")).isFalse();
  }

  /** BIP-173 (bech32) and BIP-350 (bech32m) valid addresses. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
        "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
        "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
        "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
        "BC1SW50QGDZ25J",
        "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
        "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
      })
  void bech32AcceptsBip173AndBip350Vectors(String address) {
    assertThat(Checksums.bech32(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", // last character changed
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3", // truncated
        "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7Kv8f3t4", // mixed case
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3tb", // 'b' is not a data character
        "bc1q", // nothing after the separator
      })
  void bech32RejectsBrokenStrings(String s) {
    assertThat(Checksums.bech32(s)).isFalse();
  }

  @Test
  void base58CheckDecodesKnownAddressesAndKeys() {
    byte[] genesis = Checksums.base58CheckPayload("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    assertThat(genesis).hasSize(21);
    assertThat(genesis[0]).isZero();
    assertThat(Checksums.base58CheckPayload("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")[0])
        .isEqualTo((byte) 5);
    byte[] wif =
        Checksums.base58CheckPayload("5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ");
    assertThat(wif).hasSize(33);
    assertThat(wif[0]).isEqualTo((byte) 0x80);
    assertThat(Checksums.base58CheckPayload("KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617"))
        .hasSize(34);
  }

  @Test
  void base58CheckRejectsAChangedCharacterAndForeignCharacters() {
    assertThat(Checksums.base58CheckPayload("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).isNull();
    assertThat(Checksums.base58CheckPayload("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0")).isNull();
    assertThat(Checksums.base58Decode("0OIl")).isNull();
  }

  @Test
  void base58DecodeKeepsLeadingZeroBytes() {
    assertThat(Checksums.base58Decode("1112")).containsExactly(0, 0, 0, 1);
    assertThat(Checksums.base58Decode("5R")).containsExactly(1, 0);
  }

  /** Mnemonics from the BIP39 reference test vectors (trezor/python-mnemonic, English). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
            + " about",
        "legal winner thank year wave sausage worth useful legal winner thank yellow",
        "letter advice cage absurd amount doctor acoustic avoid letter advice cage above",
        "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
        "scheme spot photo card baby mountain device kick cradle pact join borrow",
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
            + " abandon abandon abandon abandon abandon abandon agent",
        "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo when",
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
            + " abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
            + " abandon abandon art",
        "void come effort suffer camp survey warrior heavy shoot primary clutch crush open amazing"
            + " screen patrol group space point ten exist slush involve unfold",
      })
  void bip39AcceptsReferenceVectorsAndRejectsTheirLastWordChanged(String mnemonic) {
    int[] indices = indices(mnemonic);
    assertThat(Checksums.bip39(indices, 0, indices.length)).isTrue();
    // The same phrase inside a longer array, found by its offset.
    int[] padded = new int[indices.length + 3];
    System.arraycopy(indices, 0, padded, 2, indices.length);
    assertThat(Checksums.bip39(padded, 2, indices.length)).isTrue();
    // The last word holds the checksum bits: the next word on the list breaks them.
    indices[indices.length - 1] = (indices[indices.length - 1] + 1) % 2048;
    assertThat(Checksums.bip39(indices, 0, indices.length)).isFalse();
  }

  @Test
  void bip39AgreesWithTheTestsOwnVerifierOnGeneratedAndCorruptedPhrases() {
    Random r = new Random(39);
    int invalid = 0;
    for (int words = 12; words <= 24; words += 3) {
      for (int i = 0; i < 200; i++) {
        List<String> m = new java.util.ArrayList<>(PlantedSecrets.bip39Words(r, words));
        assertThat(Checksums.bip39(indices(String.join(" ", m)), 0, words)).as("%s", m).isTrue();
        m.set(r.nextInt(words), Bip39Words.LIST.get(r.nextInt(2048)));
        boolean expected = PlantedSecrets.bip39ChecksumValid(m);
        invalid += expected ? 0 : 1;
        assertThat(Checksums.bip39(indices(String.join(" ", m)), 0, words))
            .as("%s", m)
            .isEqualTo(expected);
      }
    }
    // A random change keeps a 4- to 8-bit checksum valid rarely: most corrupted phrases fail.
    assertThat(invalid).isGreaterThan(900);
  }

  @Test
  void bip39NeedsALengthOf12To24InStepsOf3AndListIndices() {
    int[] thirteen = indices("abandon ".repeat(11) + "about abandon");
    assertThat(Checksums.bip39(thirteen, 0, 13)).isFalse();
    assertThat(Checksums.bip39(thirteen, 0, 12)).isTrue();
    int[] nine = indices("abandon ".repeat(8) + "about");
    assertThat(Checksums.bip39(nine, 0, 9)).isFalse();
    int[] outOfRange = indices("abandon ".repeat(11) + "about");
    outOfRange[3] = 2048;
    assertThat(Checksums.bip39(outOfRange, 0, 12)).isFalse();
  }

  private static int[] indices(String mnemonic) {
    String[] words = mnemonic.strip().split(" +");
    int[] out = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      out[i] = Bip39Words.index(words[i].toLowerCase(Locale.ROOT));
      assertThat(out[i]).as(words[i]).isNotNegative();
    }
    return out;
  }
}
