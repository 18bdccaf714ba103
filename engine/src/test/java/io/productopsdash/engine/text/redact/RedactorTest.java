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
  static final Redactor REDACTOR = Redactor.regexOnly();

  /** The secret becomes exactly its placeholder and nothing else in the sentence changes. */
  static void assertRedacted(
      String before, String secret, String after, RedactionKind kind) {
    String text = before + secret + after;
    Redaction r = REDACTOR.redact(text);
    assertThat(r.text()).as("redacting %s", text).isEqualTo(before + kind.placeholder() + after);
    assertThat(r.spans())
        .containsExactly(
            new Span(kind, before.length(), before.length() + kind.placeholder().length()));
  }

  static void assertUnchanged(String text) {
    Redaction r = REDACTOR.redact(text);
    assertThat(r.text()).as("spans %s", r.spans()).isEqualTo(text);
    assertThat(r.changed()).isFalse();
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
