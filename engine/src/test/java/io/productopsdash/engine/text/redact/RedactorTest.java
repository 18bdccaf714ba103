package io.productopsdash.engine.text.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.engine.text.redact.Redaction.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pattern-and-checksum redactor: positives planted in sentences, and near misses. */
class RedactorTest {
  private static final Redactor REDACTOR = Redactor.regexOnly();

  /** The secret becomes exactly its placeholder and nothing else in the sentence changes. */
  private static void assertRedacted(
      String before, String secret, String after, RedactionKind kind) {
    String text = before + secret + after;
    Redaction r = REDACTOR.redact(text);
    assertThat(r.text()).as("redacting %s", text).isEqualTo(before + kind.placeholder() + after);
    assertThat(r.spans())
        .containsExactly(
            new Span(kind, before.length(), before.length() + kind.placeholder().length()));
  }

  private static void assertUnchanged(String text) {
    Redaction r = REDACTOR.redact(text);
    assertThat(r.text()).as("spans %s", r.spans()).isEqualTo(text);
    assertThat(r.changed()).isFalse();
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /**
   * {@code words} with its first word replaced by the first list word that breaks the checksum, as
   * the test's own verifier sees it.
   */
  private static List<String> withBrokenChecksum(List<String> words) {
    List<String> out = new ArrayList<>(words);
    for (String candidate : Bip39Words.LIST) {
      out.set(0, candidate);
      if (!candidate.equals(words.get(0)) && !PlantedSecrets.bip39ChecksumValid(out)) {
        return out;
      }
    }
    throw new AssertionError("no replacement breaks the checksum of " + words);
  }

  @Nested
  class SeedPhrases {
    @Test
    void validPhrasesOfEveryLengthAreRedactedPlainNumberedAndWithCommas() {
      Random r = new Random(42);
      for (int words = 12; words <= 24; words += 3) {
        for (int i = 0; i < 10; i++) {
          List<String> w = PlantedSecrets.bip39Words(r, words);
          assertRedacted(
              "My recovery phrase is ",
              PlantedSecrets.phrase(w),
              " and my BTC is gone!",
              RedactionKind.SEED_PHRASE);
          assertRedacted(
              "Seed:\n",
              PlantedSecrets.numbered(w, false),
              "\nhow do I restore?",
              RedactionKind.SEED_PHRASE);
          assertRedacted(
              "words (wrote them down):\n",
              PlantedSecrets.numbered(w, true),
              "\n",
              RedactionKind.SEED_PHRASE);
          assertRedacted(
              "I typed ",
              PlantedSecrets.commaSeparated(w),
              ". Is it lost?",
              RedactionKind.SEED_PHRASE);
        }
      }
    }

    @Test
    void caseDoesNotMatterAndOtherNumberingStylesAreRecognised() {
      List<String> w = PlantedSecrets.bip39Words(new Random(7), 12);
      String upper = PlantedSecrets.phrase(w).toUpperCase(java.util.Locale.ROOT);
      assertRedacted("ARGH ", upper, " !!!", RedactionKind.SEED_PHRASE);
      StringBuilder parens = new StringBuilder();
      for (int i = 0; i < w.size(); i++) {
        parens.append(i == 0 ? "" : "  ").append(i + 1).append(") ").append(w.get(i));
      }
      assertRedacted("see: ", parens.toString(), "", RedactionKind.SEED_PHRASE);
      assertRedacted("see: ", String.join(" - ", w), " (done)", RedactionKind.SEED_PHRASE);
    }

    @Test
    void aRunLongerThan24WordsIsRedactedWhole() {
      Random r = new Random(3);
      List<String> w = new ArrayList<>(PlantedSecrets.bip39Words(r, 24));
      w.addAll(PlantedSecrets.bip39Words(r, 12));
      assertRedacted(
          "all my wallets: ",
          PlantedSecrets.phrase(w),
          " (two of them)",
          RedactionKind.SEED_PHRASE);
    }

    @Test
    void anOrdinarySentenceIsNotASeedPhrase() {
      assertUnchanged(
          "I have a question about my card because the payment did not go through yesterday.");
      assertUnchanged(
          "Please help me, what can you do when the exchange rate is wrong on my top up?");
      assertUnchanged(
          "Why is my card still pending? I have checked the details of my account and they are"
              + " right.");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          // The review's example: it used to become "[seed phrase]" whole.
          "Please add more bonus reward option, they want cash, price alert, real time",
          "Love this update, simple design, easy budget list, price alert, light theme, nice sound",
          "Great update, you fix slow screen, now add budget limit, Price Alert, Light Theme",
          // These two have 12-word windows whose BIP39 checksum is valid (asserted below): the
          // commas in some places, the capitals in some words, show they are prose.
          "Please fix slow phone screen, add budget alert, light theme, more sound option",
          "Please fix slow phone screen add Budget Alert Light Theme more sound option",
        })
    void ordinarySentencesOfTwelveOrMoreListedWordsAreNotSeedPhrases(String sentence) {
      List<String> words = List.of(sentence.toLowerCase(java.util.Locale.ROOT).split("[ ,]+"));
      assertThat(words).hasSizeGreaterThanOrEqualTo(12).allMatch(Bip39Words::contains);
      boolean checksumWindow = false;
      for (int from = 0; from + 12 <= words.size(); from++) {
        checksumWindow |= PlantedSecrets.bip39ChecksumValid(words.subList(from, from + 12));
      }
      assertThat(checksumWindow).isEqualTo(sentence.startsWith("Please fix"));
      assertUnchanged(sentence);
      assertUnchanged("Feedback: " + sentence + ". Thanks!");
    }

    @Test
    void aValidPhraseIsRedactedWithoutACueAndTheSameWithOneWordChangedIsNot() {
      // Capitalised and comma-separated: not a "list" in the plain lower-case sense, no cue, so
      // only the checksum can tell.
      List<String> valid = PlantedSecrets.bip39Words(new Random(21), 12);
      String phrase = String.join(", ", valid.stream().map(RedactorTest::capitalise).toList());
      assertRedacted("Here it is: ", phrase, ". What do I do now?", RedactionKind.SEED_PHRASE);
      List<String> broken = withBrokenChecksum(valid);
      assertUnchanged(
          "Here it is: "
              + String.join(", ", broken.stream().map(RedactorTest::capitalise).toList())
              + ". What do I do now?");
      List<String> valid24 = PlantedSecrets.bip39Words(new Random(24), 24);
      assertRedacted(
          "fyi ",
          String.join(" ", valid24.stream().map(RedactorTest::capitalise).toList()),
          " (old wallet)",
          RedactionKind.SEED_PHRASE);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "My recovery phrase: {}. Can you restore it?",
          "these are the 12 words from my wallet app: {}",
          "mnemonic => {}",
          "{} <- backup words, is one of them wrong?",
          "Here are my secret words {} (is that safe?)",
        })
    void aPhraseWithAWrongWordIsRedactedWhenASeedCueIsNear(String template) {
      List<String> broken = withBrokenChecksum(PlantedSecrets.bip39Words(new Random(5), 12));
      String phrase = String.join(", ", broken.stream().map(RedactorTest::capitalise).toList());
      int at = template.indexOf("{}");
      assertRedacted(
          template.substring(0, at), phrase, template.substring(at + 2), RedactionKind.SEED_PHRASE);
      // The control: the same words with no cue stay.
      assertUnchanged("Here it is: " + phrase + ". What do I do now?");
    }

    @Test
    void aPhraseWrittenAsAListIsRedactedWithoutChecksumOrCue() {
      List<String> broken = withBrokenChecksum(PlantedSecrets.bip39Words(new Random(8), 12));
      List<String> capitalised = broken.stream().map(RedactorTest::capitalise).toList();
      assertRedacted(
          "Here it is:\n",
          PlantedSecrets.numbered(capitalised, false),
          "\n",
          RedactionKind.SEED_PHRASE);
      assertRedacted(
          "Here it is:\n",
          PlantedSecrets.numbered(capitalised, true),
          "\nok?",
          RedactionKind.SEED_PHRASE);
      assertRedacted(
          "Here it is:\n", String.join("\n", capitalised), "\nok?", RedactionKind.SEED_PHRASE);
      assertRedacted(
          "Here it is: ", PlantedSecrets.phrase(broken), ". Ok?", RedactionKind.SEED_PHRASE);
      // Eleven numbered words are not a list of twelve: the twelfth follows a comma, the words are
      // capitalised, the checksum is broken and there is no cue.
      String elevenNumbered =
          PlantedSecrets.numbered(capitalised.subList(0, 11), false) + ", " + capitalised.get(11);
      assertUnchanged("Here it is: " + elevenNumbered + ". Ok?");
    }

    @Test
    void elevenListedWordsInARowAreNotEnough() {
      List<String> w = PlantedSecrets.bip39Words(new Random(11), 12).subList(0, 11);
      assertUnchanged("so far: " + PlantedSecrets.phrase(w) + " (done)");
    }

    @Test
    void aWordOffTheListOrAFullStopBreaksTheRun() {
      List<String> w = PlantedSecrets.bip39Words(new Random(12), 12);
      String broken =
          String.join(" ", w.subList(0, 6)) + " xylophone42 " + String.join(" ", w.subList(6, 12));
      assertUnchanged("typo: " + broken);
      String sentences =
          String.join(" ", w.subList(0, 6)) + ". " + String.join(" ", w.subList(6, 12));
      assertUnchanged(sentences);
    }

    @Test
    void aListedWordJustBeforeThePhraseIsTakenWithIt() {
      // "seed" and "phrase" are BIP39 words themselves: over-redacting them is the safe side.
      List<String> w = PlantedSecrets.bip39Words(new Random(13), 12);
      assertRedacted(
          "my ", "seed phrase " + PlantedSecrets.phrase(w), " is lost", RedactionKind.SEED_PHRASE);
    }
  }

  @Nested
  class CryptoAddresses {
    @Test
    void ethereumAddressesAnyCase() {
      Random r = new Random(1);
      for (int i = 0; i < 50; i++) {
        assertRedacted(
            "I sent 0.5 ETH to ",
            PlantedSecrets.ethAddress(r),
            " but it never arrived.",
            RedactionKind.CRYPTO_ADDRESS);
      }
      assertRedacted(
          "to ", "0x52908400098527886E0F7030069857D2E4169EE7", ".", RedactionKind.CRYPTO_ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
          "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
          "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
          "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
          "BC1SW50QGDZ25J",
          "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
          "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
          "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8",
          "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",
        })
    void knownAddresses(String address) {
      assertRedacted(
          "Withdrawal to ", address, " is pending for 3 days.", RedactionKind.CRYPTO_ADDRESS);
    }

    @Test
    void generatedSegwitLegacyAndSolanaAddresses() {
      Random r = new Random(2);
      for (int i = 0; i < 40; i++) {
        for (String a :
            List.of(
                PlantedSecrets.segwitAddress(r, "bc", 0, 20),
                PlantedSecrets.segwitAddress(r, "bc", 0, 32),
                PlantedSecrets.segwitAddress(r, "bc", 1, 32),
                PlantedSecrets.segwitAddress(r, "tb", 0, 20),
                PlantedSecrets.segwitAddress(r, "ltc", 0, 20),
                PlantedSecrets.base58CheckAddress(r, 0x00),
                PlantedSecrets.base58CheckAddress(r, 0x05),
                PlantedSecrets.solanaAddress(r))) {
          assertRedacted(
              "Please send the refund to ", a, ", thanks.", RedactionKind.CRYPTO_ADDRESS);
        }
      }
    }

    @Test
    void nearMissesStay() {
      assertUnchanged("I sent 0.5 ETH, tx 0xabc, and it is still pending.");
      assertUnchanged("tx 0xdeadbeef failed with code 0x1f");
      // 40 characters after 0x, one of them not hex.
      assertUnchanged("to 0x52908400098527886E0F7030069857D2E4169EG7 please");
      // 39 hex characters.
      assertUnchanged("to 0x52908400098527886E0F7030069857D2E4169EE please");
      // bech32 with a broken checksum, and with a mixed case.
      assertUnchanged("send to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr now");
      assertUnchanged("send to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwF5mdq now");
      // Base58 with a broken checksum (last character changed).
      assertUnchanged("send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb now");
      // Long words and identifiers are not Solana addresses.
      assertUnchanged("Supercalifragilisticexpialidocious and antidisestablishmentarianism");
      assertUnchanged("the ThisIsMyVeryLongCamelCaseIdentifierName field");
    }
  }

  @Nested
  class PrivateKeys {
    @Test
    void hexKeysWithAndWithoutPrefix() {
      Random r = new Random(4);
      for (int i = 0; i < 20; i++) {
        assertRedacted(
            "my key is ",
            PlantedSecrets.hexPrivateKey(r, i % 2 == 0),
            " please help",
            RedactionKind.PRIVATE_KEY);
      }
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ",
          "KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617",
          "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi",
        })
    void wifAndExtendedPrivateKeys(String key) {
      assertRedacted("Import failed for key ", key, " on version 1.4.", RedactionKind.PRIVATE_KEY);
    }

    @Test
    void generatedWifKeys() {
      Random r = new Random(5);
      for (int i = 0; i < 40; i++) {
        String wif = PlantedSecrets.wif(r, i % 2 == 0);
        assertThat(wif).matches(i % 2 == 0 ? "[KL].{51}" : "5.{50}");
        assertRedacted("exported ", wif, " to a file", RedactionKind.PRIVATE_KEY);
      }
    }

    @Test
    void longerOrShorterHexStays() {
      assertUnchanged("sha " + "ab".repeat(31) + " is 62 hex characters");
      assertUnchanged("the hash " + "0123456789abcdef".repeat(4) + "0 has 65");
    }
  }

  @Nested
  class Cards {
    @Test
    void luhnValidCardsInPrintedGroupings() {
      Random r = new Random(6);
      for (int i = 0; i < 300; i++) {
        assertRedacted(
            "My card ",
            PlantedSecrets.card(r),
            " was charged twice for $49.99.",
            RedactionKind.CARD_NUMBER);
      }
      assertRedacted("card ", "4111 1111 1111 1111", " exp", RedactionKind.CARD_NUMBER);
      assertRedacted("amex ", "3782-822463-10005", "", RedactionKind.CARD_NUMBER);
    }

    @Test
    void anExpiryAfterTheNumberIsNotTakenWithIt() {
      assertRedacted(
          "The full number is ",
          "4111 1111 1111 1111",
          " 08/27 and it was declined.",
          RedactionKind.CARD_NUMBER);
    }

    @Test
    void nearMissesStay() {
      assertUnchanged("card 4111 1111 1111 1112 fails Luhn");
      assertUnchanged("number 4111111111111112 fails Luhn");
      // Luhn-valid but no card issuer starts with 1, 7, 8, 9 or 0: an order or account number.
      assertUnchanged("order 1234567890123452 shipped");
      assertUnchanged("reference 8000000000000009 please");
      assertUnchanged("I paid $1,000 and then 2,500.00 on 2024-03-05.");
      assertUnchanged("my balance is 4111111111.11 EUR");
      assertUnchanged("years 2019 2020 2021 2022 were fine");
    }

    @Test
    void luhnValidNumbersWithoutACardNetworkPrefixStay() {
      Random r = new Random(10);
      // A compact timestamp and other long ids whose last digit happens to fit Luhn.
      for (String prefix : List.of("2024030510300", "1700000000", "3312", "9", "0", "7")) {
        String id = PlantedSecrets.luhnComplete(r, prefix, 16);
        assertThat(PlantedSecrets.luhn(id)).isTrue();
        assertUnchanged("logged at " + id + " by the app");
      }
    }
  }

  @Nested
  class Ibans {
    @Test
    void validIbansSpacedAndCompact() {
      Random r = new Random(8);
      for (int i = 0; i < 200; i++) {
        assertRedacted(
            "Please refund to IBAN ",
            PlantedSecrets.iban(r, i % 2 == 0),
            " by Friday.",
            RedactionKind.IBAN);
      }
      assertRedacted("iban ", "GB82 WEST 1234 5698 7654 32", "", RedactionKind.IBAN);
      assertRedacted("iban ", "DE89370400440532013000", ", thanks", RedactionKind.IBAN);
    }

    @Test
    void wordsAfterASpacedIbanAreNotTakenWithIt() {
      assertRedacted("to ", "BE68 5390 0754 7034", " from my account", RedactionKind.IBAN);
      assertRedacted("to ", "DE89 3704 0044 0532 0130 00", " asap", RedactionKind.IBAN);
    }

    @Test
    void aWrongCheckStays() {
      assertUnchanged("iban GB83 WEST 1234 5698 7654 32 is wrong");
      assertUnchanged("iban DE88370400440532013000 is wrong");
      assertUnchanged("code AB12CDEFGHIJKLMNOP here");
    }
  }

  @Nested
  class Emails {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "john.smith@gmail.com",
          "j_doe+bank@mail.company-name.io",
          "X9@web.de",
          "first.last@uni.example.edu",
        })
    void addresses(String email) {
      assertRedacted("You can reach me at ", email, ". Thanks!", RedactionKind.EMAIL);
      assertRedacted("(", email, ")", RedactionKind.EMAIL);
    }

    @Test
    void nearMissesStay() {
      assertUnchanged("ping @support on twitter");
      assertUnchanged("write to me@home please");
      assertUnchanged("the price was 3 @ $4.50");
    }
  }

  @Nested
  class Phones {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "+1 415 555 0132",
          "(415) 555-0132",
          "+44 20 7946 0958",
          "0049 30 1234567",
          "415-555-0132",
          "415.555.0132",
          "+14155550132",
          "1-800-555-0199",
          "+49 (0)30 1234567",
          "020 7946 0958",
          "+33 1 23 45 67 89",
          "01 23 45 67 89",
          // Without separators: a trunk 0 and 9 to 11 digits, an area code with a slash, and
          // North American ten digits (these two sentences carry a phone cue).
          "07700900123",
          "015123456789",
          "0301234567",
          "030/1234567",
          "0221/123456",
          "089/123 456 78",
          "4155552671",
          "14155552671",
        })
    void formats(String phone) {
      assertRedacted("Call me back on ", phone, " between 9:00 and 17:30.", RedactionKind.PHONE);
      assertRedacted(
          "My number changed to ", phone, ", the old one was disconnected.", RedactionKind.PHONE);
    }

    @Test
    void generatedPhones() {
      Random r = new Random(9);
      for (int i = 0; i < 200; i++) {
        assertRedacted("call ", PlantedSecrets.phone(r), " please", RedactionKind.PHONE);
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700900123", "015123456789", "0301234567", "030/1234567"})
    void compactTrunkAndAreaCodeFormsNeedNoCue(String phone) {
      assertRedacted("Please update my details to ", phone, ". Thanks!", RedactionKind.PHONE);
      assertRedacted("", phone, "", RedactionKind.PHONE);
      // An id word three or more words back does not claim the number.
      assertRedacted(
          "I sent 0.5 ETH yesterday, tx 0xabc, and before that I typed ",
          phone,
          " in the form.",
          RedactionKind.PHONE);
      assertRedacted("Order 48213907 is late. My number is ", phone, ".", RedactionKind.PHONE);
    }

    @Test
    void numbersAfterAnAreaCodeFormStayOutsideIt() {
      assertRedacted("Office ", "030/1234567", " 10 to 18 h", RedactionKind.PHONE);
      assertRedacted("Office ", "089/123 456 78", " 2024 03 05", RedactionKind.PHONE);
      assertRedacted("Office ", "0221/12 34 56", ", 9-17 h", RedactionKind.PHONE);
    }

    @Test
    void generatedCompactPhones() {
      Random r = new Random(77);
      for (int i = 0; i < 200; i++) {
        assertRedacted("it is ", PlantedSecrets.phoneCompactTrunk(r), ", ok?", RedactionKind.PHONE);
        assertRedacted("it is ", PlantedSecrets.phoneAreaSlash(r), ", ok?", RedactionKind.PHONE);
        String nanp = PlantedSecrets.phoneNanpCompact(r);
        assertRedacted("call me on ", nanp, ", ok?", RedactionKind.PHONE);
        assertUnchanged("it is " + nanp + ", ok?");
      }
    }

    @Test
    void tenNorthAmericanDigitsAreAPhoneOnlyNextToAPhoneCue() {
      for (String before :
          List.of(
              "call me on ",
              "Text me at ",
              "you can reach me at ",
              "WhatsApp: ",
              "my mobile number is ",
              "Cell ",
              "contact me: ",
              "sms ",
              "tel. ")) {
        assertRedacted(before, "4155552671", " please.", RedactionKind.PHONE);
      }
      assertRedacted("", "4155552671", " is my cell", RedactionKind.PHONE);
      assertRedacted("My number: ", "2125550143", "", RedactionKind.PHONE);
      // The same digits with no cue, or claimed by an id word, are an order or transfer number.
      assertUnchanged("Transfer 4155552671 is still pending since 2024-03-05.");
      assertUnchanged("4155552671");
      assertUnchanged("Order 4155552671 never arrived, please call me.");
      assertUnchanged("My order number is 2125550143 and I paid $49.99.");
      assertUnchanged("The reference number on my transfer is 2125550143, thanks.");
    }

    @Test
    void compactNearMissesStayEvenNextToAPhoneCue() {
      // Order, transaction and account numbers claimed by their id word.
      assertUnchanged("Call me about order 0123456789 please.");
      assertUnchanged("call me about my order number 0770090012");
      assertUnchanged("Please call, the tracking number is 0123456789.");
      assertUnchanged("call me, transaction 4155552671 failed");
      assertUnchanged("my account 0532013000 at sort code 37040044, call me");
      // Amounts.
      assertUnchanged("Call me about the 4155552671.99 charge.");
      assertUnchanged("call me about the $4155552671 refund, or \u20ac0123456789");
      assertUnchanged("call me about the 0123456789,50 EUR");
      // Dates, times and Unix timestamps.
      assertUnchanged("call me on 05/03/2024, 2024-03-05, 20240305 or 05032024");
      assertUnchanged("call me between 0930/1730 tomorrow");
      assertUnchanged("call me, it was logged at 1712345678 and 1700000000");
      // Longer and shorter digit runs: 9 and 13 digits after a trunk 0, 9 and 12 NANP digits.
      assertUnchanged("call me on 012345678 or 0123456789012");
      assertUnchanged("call me on 415555267 or 415555267123");
      // Digits inside a longer token.
      assertUnchanged("call me, my user is user07700900123 and ID-0123456789");
      // Cards and IBANs keep their own kind.
      assertRedacted(
          "call me, card ", "4111111111111111", " was declined", RedactionKind.CARD_NUMBER);
      assertRedacted("call me about IBAN ", "DE89370400440532013000", "", RedactionKind.IBAN);
    }

    @Test
    void datesTimesAmountsVersionsAndOrderNumbersStay() {
      assertUnchanged("On 2024-03-05 at 10:30 I paid $1,000.");
      assertUnchanged("on 05-10-2023 14:30 and again on 03/04/2024 and 14.02.2024");
      assertUnchanged("I sent 0.5 ETH and 2,500.00 EUR, then 1 000 000 HUF.");
      assertUnchanged("Order 48213907 and order #123456789 and ticket 5512");
      assertUnchanged("app version 4.12.3 on iOS 17.2, build 20240305.1");
      assertUnchanged("connect to 192.168.100.200 on port 8080");
      assertUnchanged("I was charged 3 times: 12.99, 12.99 and 12.99");
      assertUnchanged("reference 123-456-7890 for the dispute");
    }
  }

  @Nested
  class Merging {
    @Test
    void overlappingDetectionsBecomeOneSpanOfTheLongestKind() {
      String text = "mail john.smith@gmail.com now";
      // A name finder that tags "john.smith" overlaps the email.
      Redactor r = Redactor.withNames(t -> List.of(new PersonNameFinder.Mention(5, 15)));
      Redaction out = r.redact(text);
      assertThat(out.text()).isEqualTo("mail [email] now");
      assertThat(out.spans()).containsExactly(new Span(RedactionKind.EMAIL, 5, 12));
    }

    @Test
    void equalLengthOverlapsGoToTheEarlierKind() {
      List<SecretScanner.Hit> merged =
          Redactor.merge(
              List.of(
                  new SecretScanner.Hit(RedactionKind.PHONE, 0, 10),
                  new SecretScanner.Hit(RedactionKind.CARD_NUMBER, 2, 12)));
      assertThat(merged).containsExactly(new SecretScanner.Hit(RedactionKind.CARD_NUMBER, 0, 12));
    }

    @Test
    void severalKindsInOneAnswerAndSpansPointAtPlaceholders() {
      String text =
          "Hi, I am Jane Doe (jane.doe@example.org, +44 20 7946 0958). Card 4111 1111 1111 1111,"
              + " IBAN GB82 WEST 1234 5698 7654 32, wallet"
              + " bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq.";
      Redactor r = Redactor.withNames(t -> List.of(new PersonNameFinder.Mention(9, 17)));
      Redaction out = r.redact(text);
      assertThat(out.text())
          .isEqualTo(
              "Hi, I am [name] ([email], [phone]). Card [card number], IBAN [iban], wallet [crypto"
                  + " address].");
      for (Span s : out.spans()) {
        assertThat(out.text().substring(s.start(), s.end())).isEqualTo(s.kind().placeholder());
      }
      assertThat(out.counts())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  RedactionKind.NAME, 1,
                  RedactionKind.EMAIL, 1,
                  RedactionKind.PHONE, 1,
                  RedactionKind.CARD_NUMBER, 1,
                  RedactionKind.IBAN, 1,
                  RedactionKind.CRYPTO_ADDRESS, 1));
    }

    @Test
    void redactingTwiceChangesNothingAndPlaceholdersAreNotRedacted() {
      String once = REDACTOR.redact("mail me at a.b@example.com or call +1 415 555 0132").text();
      assertThat(REDACTOR.redact(once).text()).isEqualTo(once);
      // A name finder that tags the word inside a placeholder, and one reaching past it.
      Redactor tagsPlaceholders =
          Redactor.withNames(
              t ->
                  List.of(new PersonNameFinder.Mention(1, 5), new PersonNameFinder.Mention(9, 21)));
      Redaction r = tagsPlaceholders.redact("[name] x [name] Smith");
      assertThat(r.text()).isEqualTo("[name] x [name] [name]");
    }

    @Test
    void aNameFinderOutOfBoundsIsAnError() {
      Redactor broken =
          Redactor.withNames(t -> List.of(new PersonNameFinder.Mention(0, t.length() + 1)));
      assertThatThrownBy(() -> broken.redact("abc")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void resultsAreDeterministicAndThreadSafe() throws Exception {
      List<PlantedCorpus.Item> items = PlantedCorpus.generate(99, 2000, PlantedCorpus.VARIANTS);
      List<String> sequential = items.stream().map(i -> REDACTOR.redact(i.text()).text()).toList();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<String>> futures = new ArrayList<>();
        for (PlantedCorpus.Item i : items) {
          futures.add(pool.submit(() -> REDACTOR.redact(i.text()).text()));
        }
        for (int k = 0; k < items.size(); k++) {
          assertThat(futures.get(k).get()).isEqualTo(sequential.get(k));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  class PlantedCorpusRun {
    @Test
    void everyPlantedSecretIsRemovedExactly() {
      for (PlantedCorpus.Item item : PlantedCorpus.generate(2026, 2600, PlantedCorpus.VARIANTS)) {
        Redaction r = REDACTOR.redact(item.text());
        assertThat(r.text()).as("%s: %s", item.variant(), item.text()).isEqualTo(item.expected());
      }
    }
  }

  @Nested
  class Results {
    @Test
    void noTextIsNoChange() {
      assertUnchanged("");
      assertUnchanged("Thanks, the app is great!");
    }

    @Test
    void aSpanMustCoverItsPlaceholder() {
      assertThatThrownBy(() -> new Redaction("abc", List.of(new Span(RedactionKind.EMAIL, 0, 7))))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Span(RedactionKind.EMAIL, 0, 3))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("EMAIL");
    }
  }
}
