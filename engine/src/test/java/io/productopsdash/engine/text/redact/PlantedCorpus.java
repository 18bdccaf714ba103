package io.productopsdash.engine.text.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A seeded corpus of secrets planted in realistic support messages. Each sentence also carries near
 * misses that must survive (amounts, dates, times, order numbers, versions, a short hex transaction
 * id), so "removed exactly" means the secret became its placeholder and nothing else in the
 * sentence changed.
 */
final class PlantedCorpus {
  /**
   * One planted secret.
   *
   * @param kind the placeholder expected in its place
   * @param variant what was generated, for the per-variant report
   */
  record Item(RedactionKind kind, String variant, String before, String secret, String after) {
    String text() {
      return before + secret + after;
    }

    String expected() {
      return before + kind.placeholder() + after;
    }
  }

  /**
   * A generator of one kind of secret.
   *
   * @param ownContextsOnly true when the secret is only a secret in its kind's own contexts (ten
   *     bare North American digits are a phone only next to a phone cue), false when it may also be
   *     planted in the generic ones
   */
  record Variant(
      RedactionKind kind, String name, Function<Random, String> secret, boolean ownContextsOnly) {
    Variant(RedactionKind kind, String name, Function<Random, String> secret) {
      this(kind, name, secret, false);
    }
  }

  /** PINs are planted in their own contexts ("my PIN is {}"). */
  static final Variant PINS =
      new Variant(RedactionKind.PASSWORD, "pin after cue", PlantedCredentials::pin, true);

  static final List<Variant> VARIANTS =
      List.of(
          new Variant(RedactionKind.SEED_PHRASE, "bip39 12 words", r -> seed(r, 12, 0)),
          new Variant(RedactionKind.SEED_PHRASE, "bip39 15 words", r -> seed(r, 15, 0)),
          new Variant(RedactionKind.SEED_PHRASE, "bip39 18 words", r -> seed(r, 18, 0)),
          new Variant(RedactionKind.SEED_PHRASE, "bip39 21 words", r -> seed(r, 21, 0)),
          new Variant(RedactionKind.SEED_PHRASE, "bip39 24 words", r -> seed(r, 24, 0)),
          new Variant(
              RedactionKind.SEED_PHRASE, "bip39 numbered", r -> seed(r, 12 + 3 * r.nextInt(5), 1)),
          new Variant(
              RedactionKind.SEED_PHRASE,
              "bip39 numbered lines",
              r -> seed(r, 12 + 3 * r.nextInt(5), 2)),
          new Variant(
              RedactionKind.SEED_PHRASE, "bip39 commas", r -> seed(r, 12 + 3 * r.nextInt(5), 3)),
          new Variant(
              RedactionKind.SEED_PHRASE,
              "bip39 capitalised",
              r -> seed(r, 12 + 3 * r.nextInt(5), 4)),
          new Variant(RedactionKind.CRYPTO_ADDRESS, "eth 0x40", PlantedSecrets::ethAddress),
          new Variant(
              RedactionKind.CRYPTO_ADDRESS,
              "bech32 bc1q p2wpkh",
              r -> PlantedSecrets.segwitAddress(r, "bc", 0, 20)),
          new Variant(
              RedactionKind.CRYPTO_ADDRESS,
              "bech32 bc1q p2wsh",
              r -> PlantedSecrets.segwitAddress(r, "bc", 0, 32)),
          new Variant(
              RedactionKind.CRYPTO_ADDRESS,
              "bech32m bc1p taproot",
              r -> PlantedSecrets.segwitAddress(r, "bc", 1, 32)),
          new Variant(
              RedactionKind.CRYPTO_ADDRESS,
              "bech32 tb1/ltc1",
              r -> PlantedSecrets.segwitAddress(r, r.nextBoolean() ? "tb" : "ltc", 0, 20)),
          new Variant(
              RedactionKind.CRYPTO_ADDRESS,
              "base58check 1...",
              r -> PlantedSecrets.base58CheckAddress(r, 0x00)),
          new Variant(
              RedactionKind.CRYPTO_ADDRESS,
              "base58check 3...",
              r -> PlantedSecrets.base58CheckAddress(r, 0x05)),
          new Variant(
              RedactionKind.CRYPTO_ADDRESS,
              "solana base58 32 bytes",
              PlantedSecrets::solanaAddress),
          new Variant(
              RedactionKind.PRIVATE_KEY, "hex 64", r -> PlantedSecrets.hexPrivateKey(r, false)),
          new Variant(
              RedactionKind.PRIVATE_KEY, "hex 0x64", r -> PlantedSecrets.hexPrivateKey(r, true)),
          new Variant(RedactionKind.PRIVATE_KEY, "wif 5...", r -> PlantedSecrets.wif(r, false)),
          new Variant(RedactionKind.PRIVATE_KEY, "wif K/L...", r -> PlantedSecrets.wif(r, true)),
          new Variant(RedactionKind.CARD_NUMBER, "card luhn", PlantedSecrets::card),
          new Variant(RedactionKind.IBAN, "iban spaced", r -> PlantedSecrets.iban(r, true)),
          new Variant(RedactionKind.IBAN, "iban compact", r -> PlantedSecrets.iban(r, false)),
          new Variant(RedactionKind.EMAIL, "email", PlantedSecrets::email),
          new Variant(RedactionKind.PHONE, "phone", PlantedSecrets::phone),
          new Variant(
              RedactionKind.PHONE, "phone compact trunk 0", PlantedSecrets::phoneCompactTrunk),
          new Variant(RedactionKind.PHONE, "phone area code/", PlantedSecrets::phoneAreaSlash),
          new Variant(
              RedactionKind.PHONE, "phone nanp 10, cue", PlantedSecrets::phoneNanpCompact, true),
          // Issue 16: national ids, cards in any separator style, phones by country plan, IP
          // addresses, passwords and API keys.
          new Variant(RedactionKind.NATIONAL_ID, "us ssn", PlantedNationalIds::ssn),
          new Variant(RedactionKind.NATIONAL_ID, "uk nino", PlantedNationalIds::nino),
          new Variant(RedactionKind.NATIONAL_ID, "ca sin", PlantedNationalIds::sin),
          new Variant(RedactionKind.NATIONAL_ID, "es dni/nie", PlantedNationalIds::dniOrNie),
          new Variant(RedactionKind.NATIONAL_ID, "br cpf", PlantedNationalIds::cpf),
          new Variant(RedactionKind.NATIONAL_ID, "in aadhaar", PlantedNationalIds::aadhaar),
          new Variant(RedactionKind.NATIONAL_ID, "fr nir", PlantedNationalIds::nir),
          new Variant(RedactionKind.NATIONAL_ID, "it codice fiscale", PlantedNationalIds::codiceFiscale),
          new Variant(
              RedactionKind.CARD_NUMBER, "card any separator", PlantedCredentials::cardAnySeparator),
          new Variant(RedactionKind.PHONE, "phone by country plan", PlantedCredentials::phoneByPlan),
          new Variant(RedactionKind.IP_ADDRESS, "ipv4", PlantedCredentials::ipv4),
          new Variant(RedactionKind.IP_ADDRESS, "ipv6", PlantedCredentials::ipv6),
          new Variant(RedactionKind.PASSWORD, "password after cue", PlantedCredentials::password, true),
          new Variant(RedactionKind.API_KEY, "api key by prefix", PlantedCredentials::apiKey),
          new Variant(
              RedactionKind.API_KEY, "api key by entropy, cue", PlantedCredentials::unprefixedKey, true),
          PINS);


  /** Person names, planted only where a name finder runs. */
  static final Variant NAMES =
      new Variant(RedactionKind.NAME, "person name", PlantedSecrets::fullName);

  /* Contexts any secret may appear in; each carries near misses that must stay. */
  private static final String[] GENERIC = {
    "Hi support, here it is: {} — please check why my transfer of $1,000 is still pending.",
    "I was told to paste {} here. Order 48213907 was placed on 2024-03-05 at 10:30.",
    "Why does {} show up in my statement? I paid 2,500.00 EUR on 03/04/2024.",
    "{}",
    "Please update my details to {}. Thanks! (app version 4.12.3)",
    "I sent 0.5 ETH yesterday, tx 0xabc, and before that I typed {} in the form.",
    "my info -> {} <- is this ok to share here?",
    "Typed {} and then the app crashed on iOS 17.2 at 9:45 pm.",
    "\"{}\" is what the agent asked me for, ticket 5512, reference 20240305-77.",
  };

  private static final String[] SEED_CONTEXTS = {
    "My recovery phrase is {} and my 0.75 BTC is gone since 12/03/2024!!",
    "I restored the wallet with:\n{}\nbut the balance shows 0.00 since version 2.3.1.",
    "recovery words for my account (I wrote them down on 2024-01-15):\n"
        + "{}\n"
        + "how do I get my money back?",
  };

  private static final String[] CONTEXTS_BY_KIND_EMAIL = {
    "You can reach me at {} if anything is unclear about order 55120.",
    "Please email me ({}) instead of calling, I am at work until 18:00.",
  };
  /* Phone contexts carry phone cues and near misses a compact form could be confused with: a
   * ten-digit order or transfer number claimed by its id word, amounts, compact dates. */
  private static final String[] CONTEXTS_BY_KIND_PHONE = {
    "Call me back on {} between 9:00 and 17:30, I am waiting since 2 days.",
    "My number changed to {} last week, the old one was disconnected on 1 May.",
    "Text me at {} when order 2065550143 ships, I paid 1249.99 on 20240305.",
    "You can reach me on my mobile {} about transfer 3125550199 of $2,500.00 from 05.03.2024.",
    "whatsapp {} please, my account 0532013000 was charged 49.99 EUR twice on 2024-03-05.",
  };
  private static final String[] CONTEXTS_BY_KIND_CARD = {
    "My card {} was charged twice for $49.99 on 14.02.2024.",
    "The full number is {} 08/27 and it was declined at the ATM for £200.",
  };
  private static final String[] CONTEXTS_BY_KIND_IBAN = {
    "Please refund the 120.50 EUR to IBAN {} by Friday.",
    "My iban is {} and the transfer of 1.250,00 is still pending.",
  };
  private static final String[] CONTEXTS_BY_KIND_CRYPTO = {
    "I sent 0.5 ETH to {} but it never arrived.",
    "Withdrawal of 0.0031 BTC to {} has been pending for 3 days.",
  };
  private static final String[] CONTEXTS_BY_KIND_KEY = {
    "Is it ok that I exported my key {} to a text file?",
    "Import failed for key {} with error code 0x1f on version 1.4.",
  };
  /* National ids with the near misses of their shapes: dates, amounts, order and version numbers. */
  private static final String[] CONTEXTS_BY_KIND_NATIONAL_ID = {
    "For the identity check I typed {} but step 3 of 4 says invalid (order 48213907, 2024-03-05).",
    "My tax number is {} and the transfer of 1.250,00 EUR from 05.03.2024 is still on hold.",
  };
  private static final String[] CONTEXTS_BY_KIND_IP = {
    "Login from {} is blocked since version 2.1.0.5, at 10:30:45 it worked.",
    "My IP address is {} and the VPN on iOS 17.2.1 drops every 15 minutes.",
  };
  /* Passwords follow their cue; near misses describe a password without giving one. */
  private static final String[] CONTEXTS_BY_KIND_PASSWORD = {
    "My password is {} and the app still says the password is not working.",
    "password: {} (the old password was blocked after 3 tries on 2024-03-05)",
    "I changed my passcode to \"{}\" but the PIN is wrong every time.",
  };
  private static final String[] CONTEXTS_BY_KIND_PIN = {
    "My PIN is {} and the card is blocked after 3 tries, order 48213907.",
    "pin: {}, I know the PIN is correct since version 4.12.3.",
  };
  private static final String[] CONTEXTS_BY_KIND_API_KEY = {
    "I pasted my API key {} into the settings and the webhook still fails with error 401.",
    "The token {} stopped working on 2024-03-05 after the update to 4.12.3.",
  };
  private static final String[] CONTEXTS_BY_KIND_NAME = {
    "My name is {} and I can't log in since yesterday.",
    "{} from your support team was very helpful with my card.",
    "Please ask {} to call me back about the refund.",
    "Hello, this is {}. My transfer of $300 is still pending.",
    "I spoke to {} on the phone and she said the fee would be refunded.",
  };

  private PlantedCorpus() {}

  /** {@code count} items, cycling through {@code variants}, seeded. */
  static List<Item> generate(long seed, int count, List<Variant> variants) {
    Random r = new Random(seed);
    List<Item> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Variant v = variants.get(i % variants.size());
      String[] specific = v == PINS ? CONTEXTS_BY_KIND_PIN : contexts(v.kind());
      String template =
          specific.length > 0
                  && (v.kind() == RedactionKind.NAME || v.ownContextsOnly() || r.nextBoolean())
              ? specific[r.nextInt(specific.length)]
              : GENERIC[r.nextInt(GENERIC.length)];
      int at = template.indexOf("{}");
      items.add(
          new Item(
              v.kind(),
              v.name(),
              template.substring(0, at),
              v.secret().apply(r),
              template.substring(at + 2)));
    }
    return items;
  }

  private static String[] contexts(RedactionKind kind) {
    return switch (kind) {
      case SEED_PHRASE -> SEED_CONTEXTS;
      case EMAIL -> CONTEXTS_BY_KIND_EMAIL;
      case PHONE -> CONTEXTS_BY_KIND_PHONE;
      case CARD_NUMBER -> CONTEXTS_BY_KIND_CARD;
      case IBAN -> CONTEXTS_BY_KIND_IBAN;
      case CRYPTO_ADDRESS -> CONTEXTS_BY_KIND_CRYPTO;
      case PRIVATE_KEY -> CONTEXTS_BY_KIND_KEY;
      case NAME -> CONTEXTS_BY_KIND_NAME;
      case NATIONAL_ID -> CONTEXTS_BY_KIND_NATIONAL_ID;
      case IP_ADDRESS -> CONTEXTS_BY_KIND_IP;
      case PASSWORD -> CONTEXTS_BY_KIND_PASSWORD;
      case API_KEY -> CONTEXTS_BY_KIND_API_KEY;
    };
  }

  /** A valid phrase: 0 spaced, 1 numbered, 2 numbered one per line, 3 commas, 4 capitalised. */
  private static String seed(Random r, int words, int style) {
    List<String> w = PlantedSecrets.bip39Words(r, words);
    return switch (style) {
      case 1 -> PlantedSecrets.numbered(w, false);
      case 2 -> PlantedSecrets.numbered(w, true);
      case 3 -> PlantedSecrets.commaSeparated(w);
      case 4 -> PlantedSecrets.phrase(w.stream().map(PlantedCorpus::capitalise).toList());
      default -> PlantedSecrets.phrase(w);
    };
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
