package io.productopsdash.engine.text.redact;

import static org.assertj.core.api.Assertions.assertThat;

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
}
