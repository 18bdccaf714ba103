package io.productopsdash.engine.text.redact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Set;

/**
 * The country numbering plans that phone numbers written without separators or trunk prefix are
 * checked against, through Google's libphonenumber metadata (assigned area codes, mobile prefixes
 * and lengths per country). Only plans whose national numbers are commonly written without a
 * trunk 0 are tried, each with the number types people give out there:
 *
 * <ul>
 *   <li>North America (+1, ten digits, or eleven with the leading 1): fixed line or mobile (the
 *       plan does not tell them apart);
 *   <li>India (ten digits from 6-9): mobile (or a range the plan shares with fixed lines);
 *   <li>China (eleven digits from 13-19): mobile;
 *   <li>Brazil (two-digit area code and nine-digit mobile): mobile.
 * </ul>
 *
 * Fixed lines elsewhere are written with a trunk 0 and found by their shape in {@link
 * PhoneScanner}; trying every country's fixed-line plan would take most ten-digit ids for phones
 * (German and Chinese fixed-line plans accept nearly any digits). Thread-safe.
 */
final class NumberingPlans {
  private record Plan(String region, Set<PhoneNumberType> types) {}

  private static final List<Plan> PLANS =
      List.of(
          new Plan(
              "US",
              Set.of(
                  PhoneNumberType.FIXED_LINE_OR_MOBILE,
                  PhoneNumberType.FIXED_LINE,
                  PhoneNumberType.MOBILE,
                  PhoneNumberType.TOLL_FREE)),
          new Plan("CA", Set.of(PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.MOBILE)),
          new Plan("IN", Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)),
          new Plan("CN", Set.of(PhoneNumberType.MOBILE)),
          new Plan("BR", Set.of(PhoneNumberType.MOBILE)));

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private NumberingPlans() {}

  /** True when one of the plans accepts {@code digits} as a national number of its types. */
  static boolean isNationalNumber(String digits) {
    for (Plan plan : PLANS) {
      try {
        PhoneNumber number = UTIL.parse(digits, plan.region());
        if (UTIL.isValidNumberForRegion(number, plan.region())
            && plan.types().contains(UTIL.getNumberType(number))) {
          return true;
        }
      } catch (NumberParseException e) {
        // not a number of this plan
      }
    }
    return false;
  }
}
