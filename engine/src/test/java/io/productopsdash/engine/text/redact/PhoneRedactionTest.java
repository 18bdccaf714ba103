package io.productopsdash.engine.text.redact;

import static io.productopsdash.engine.text.redact.RedactorTest.assertRedacted;
import static io.productopsdash.engine.text.redact.RedactorTest.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The redactor on phone numbers: every format, compact forms with and without cues, and near
 * misses (orders, amounts, dates).
 */
class PhoneRedactionTest {
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
      assertUnchanged("order " + nanp + ", ok?");
    }
  }

  @Test
  void tenNorthAmericanDigitsAreAPhoneUnlessAnIdWordClaimsThem() {
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
    // Without a cue the North American plan decides (415 is an assigned area code); claimed by an
    // id word, the same digits are an order or transfer number.
    assertRedacted("", "4155552671", "", RedactionKind.PHONE);
    assertUnchanged("Transfer 4155552671 is still pending since 2024-03-05.");
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
    assertThat(RedactorTest.REDACTOR.redact("connect to 192.168.100.200 on port 8080").text())
        .isEqualTo("connect to [ip address] on port 8080");
    assertUnchanged("I was charged 3 times: 12.99, 12.99 and 12.99");
    assertUnchanged("reference 123-456-7890 for the dispute");
  }
}
