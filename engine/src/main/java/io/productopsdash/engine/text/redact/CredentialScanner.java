package io.productopsdash.engine.text.redact;

import io.productopsdash.engine.text.redact.SecretScanner.Hit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials: what follows "password/passcode/pin is", and API keys and tokens.
 *
 * <p>A password is the token after a credential word and "is", "was", "=" or ":" ("my password is
 * Hunter2!", "PIN: 4821", "passcode = 'abc 123'" in quotes) or after "changed my password to",
 * unless that token is a word that
 * describes the password rather than being it ("my password is not working", "PIN is blocked",
 * "the passcode is too long", "my passcode was denied"): see {@link #describesAPassword}. A PIN must be 4 to 8 digits.
 *
 * <p>API keys and tokens by the prefixes their issuers publish: Stripe ({@code sk_live_}, {@code
 * rk_test_}, {@code whsec_}...), GitHub ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_},
 * {@code ghr_}, {@code github_pat_}), AWS access key ids ({@code AKIA}, {@code ASIA}...), Slack
 * ({@code xoxb-}, {@code xoxp-}... and webhook URLs), Google ({@code AIza}), OpenAI ({@code sk-}),
 * npm ({@code npm_}), SendGrid ({@code SG.}), and JSON Web Tokens (three base64url parts, the first
 * two JSON objects, so starting {@code eyJ}). Without a known prefix, a token of at least {@link
 * #MIN_CUED_LENGTH} characters right after a key word ("api key", "token", "secret", "bearer") is
 * a key when it mixes letters and digits and its characters carry at least {@link
 * #MIN_CUED_ENTROPY} bits each (Shannon entropy of the token's own character counts): random keys
 * do, words and ids with repeated digits do not.
 */
final class CredentialScanner {
  /**
   * Bits per character a cued token needs: random base62 of 20+ characters measures 4.0-4.4,
   * English words and order ids under 3.5 (chosen on the planted keys and the app-review and Stack
   * Overflow sets, see docs/benchmarks.md).
   */
  static final double MIN_CUED_ENTROPY = 3.5;

  /** Shortest key without a known prefix. */
  static final int MIN_CUED_LENGTH = 20;

  private static final Pattern PASSWORD =
      Pattern.compile(
          "(?i)\\b(password|passwd|pwd|passphrase|passcode|pass code|pin(?: code| number)?)"
              + "(?:\\s+(?:is|was)\\b(?:\\s+(?:now|still|just|currently)\\b)?\\s+|\\s*[:=]\\s*)"
              + "(\"[^\"\\n]{1,64}\"|'[^'\\n]{1,64}'|\u201c[^\u201d\\n]{1,64}\u201d|[^\\s\"'\u201c]{1,64})");

  /* "changed my password to X", "set the PIN to 1234". */
  private static final Pattern PASSWORD_SET_TO =
      Pattern.compile(
          "(?i)\\b(?:changed?|changing|set|setting|reset|updated?)\\s+(?:my|the|our|a)\\s+"
              + "(?:new\\s+)?(password|passwd|passphrase|passcode|pin)\\s+to\\s+"
              + "(\"[^\"\\n]{1,64}\"|'[^'\\n]{1,64}'|\u201c[^\u201d\\n]{1,64}\u201d|[^\\s\"'\u201c]{1,64})");

  /* Words that describe a password instead of being one. Lower case. */
  private static final Set<String> NOT_A_VALUE =
      Set.of(
          ("not no never wrong incorrect correct invalid valid expired blocked locked disabled"
                  + " required needed missing forgotten lost stolen compromised reset changed too very so"
                  + " quite really also always being the a an my your our their this that it same"
                  + " different weak strong short long saved stored shown hidden case sensitive working"
                  + " accepted rejected ok okay fine good bad right there here set unknown new old mine"
                  + " yours only please and or but which what how why when where who is was are were has"
                  + " have had does did do will would can could should in on at for to of with without"
                  + " from by into via about after before")
              .split(" "));

  private static final Pattern PREFIXED_KEY =
      Pattern.compile(
          "(?<![\\w\\-])(?:"
              + "(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{10,247}"
              + "|whsec_[0-9A-Za-z]{24,}"
              + "|gh[pousr]_[0-9A-Za-z]{36,251}"
              + "|github_pat_[0-9A-Za-z_]{22,255}"
              + "|(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[0-9A-Z]{16}"
              + "|xox[abposr]-[0-9A-Za-z\\-]{10,250}"
              + "|https://hooks\\.slack\\.com/services/[0-9A-Za-z/_\\-]{20,}"
              + "|AIza[0-9A-Za-z_\\-]{35}"
              + "|sk-(?:proj-|svcacct-|admin-)?[0-9A-Za-z_\\-]{20,200}"
              + "|npm_[0-9A-Za-z]{36}"
              + "|SG\\.[0-9A-Za-z_\\-]{22}\\.[0-9A-Za-z_\\-]{43}"
              + "|eyJ[0-9A-Za-z_\\-]{8,}\\.eyJ[0-9A-Za-z_\\-]{8,}\\.[0-9A-Za-z_\\-]{8,}"
              + ")(?![\\w\\-])");

  private static final Pattern CUED_TOKEN =
      Pattern.compile(
          "(?i)\\b(?:api[ _\\-]?key|access[ _\\-]?key|secret(?:[ _\\-]?key)?|token|bearer"
              + "|client[ _\\-]?secret|auth(?:orization)?)"
              + "(?:\\s+(?:is|was|=|:)|\\s*[:=])?\\s*(?-i:([0-9A-Za-z_+/\\-]{"
              + MIN_CUED_LENGTH
              + ",256}={0,2}))(?![\\w\\-+/=])");

  private CredentialScanner() {}

  /* Cheap gates: the cued patterns only run when one of their words is in the text at all. */
  private static final List<String> PASSWORD_WORDS = List.of("pass", "pwd", "pin");
  private static final List<String> KEY_WORDS =
      List.of("key", "token", "secret", "bearer", "auth");

  /** {@code lower} is {@code text} lower-cased (Locale.ROOT), for the gates. */
  static void scan(String text, String lower, List<Hit> out) {
    if (containsAny(lower, PASSWORD_WORDS)) {
      passwords(text, out);
    }
    Matcher m = PREFIXED_KEY.matcher(text);
    while (m.find()) {
      out.add(new Hit(RedactionKind.API_KEY, m.start(), m.end()));
    }
    if (!containsAny(lower, KEY_WORDS)) {
      return;
    }
    m = CUED_TOKEN.matcher(text);
    while (m.find()) {
      String token = m.group(1);
      if (randomLooking(token)) {
        out.add(new Hit(RedactionKind.API_KEY, m.start(1), m.end(1)));
      }
    }
  }

  static boolean containsAny(String lower, List<String> words) {
    for (String w : words) {
      if (lower.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static void passwords(String text, List<Hit> out) {
    passwords(text, PASSWORD.matcher(text), out);
    passwords(text, PASSWORD_SET_TO.matcher(text), out);
  }

  /* Group 1 is the credential word, group 2 the value. */
  private static void passwords(String text, Matcher m, List<Hit> out) {
    while (m.find()) {
      String cue = m.group(1).toLowerCase(Locale.ROOT);
      String value = m.group(2);
      int start = m.start(2);
      int end = m.end(2);
      boolean quoted = "\"'\u201c".indexOf(value.charAt(0)) >= 0;
      String inner = quoted ? value.substring(1, value.length() - 1) : value;
      if (quoted) {
        start++; // the quotes stay: 'passcode "[password]"'
        end--;
      } else {
        String bare = stripTrailing(value);
        if (bare.isEmpty() || describesAPassword(bare)) {
          continue;
        }
        // "pin is 1234." ends the sentence; "Hunter2!" keeps its "!": only a final full stop or
        // comma is punctuation, anything else may be part of the password.
        if (value.length() > 1 && (value.endsWith(".") || value.endsWith(","))) {
          end--;
          inner = value.substring(0, value.length() - 1);
        }
      }
      if (cue.startsWith("pin") && !inner.matches("\\d{4,8}")) {
        continue;
      }
      out.add(new Hit(RedactionKind.PASSWORD, start, end));
    }
  }

  /**
   * A word about the password rather than the password: one of {@link #NOT_A_VALUE}, or a lower-case
   * word ending like a participle or adverb ("denied", "expiring", "suddenly"), or with an
   * apostrophe ("isn't").
   */
  static boolean describesAPassword(String bare) {
    String lower = bare.toLowerCase(Locale.ROOT);
    if (NOT_A_VALUE.contains(lower) || bare.indexOf('\'') >= 0 || bare.indexOf('\u2019') >= 0) {
      return true;
    }
    return bare.chars().allMatch(c -> c >= 'a' && c <= 'z')
        && (bare.endsWith("ed") || bare.endsWith("ing") || bare.endsWith("ly"));
  }

  private static String stripTrailing(String value) {
    int end = value.length();
    while (end > 0 && ".,;:!?)".indexOf(value.charAt(end - 1)) >= 0) {
      end--;
    }
    return value.substring(0, end);
  }

  /**
   * Random-looking: at least two upper-case letters, two lower-case letters and two digits (or
   * hex of 32 or more characters with both letters and digits), and at least {@link
   * #MIN_CUED_ENTROPY} bits of Shannon entropy per character.
   */
  static boolean randomLooking(String token) {
    int letters = 0;
    int upper = 0;
    int lower = 0;
    int digits = 0;
    int[] counts = new int[128];
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (Character.isDigit(c)) {
        digits++;
      } else if (Character.isLetter(c)) {
        letters++;
        upper += Character.isUpperCase(c) ? 1 : 0;
        lower += Character.isLowerCase(c) ? 1 : 0;
      }
      if (c < 128) {
        counts[c]++;
      }
    }
    if (letters == 0 || digits == 0) {
      return false;
    }
    boolean hex = token.matches("[0-9a-f]+|[0-9A-F]+");
    // Words joined by underscores or dashes ("santa_gift_card_2024") are names, not keys: a random
    // key mixes both cases and digits, or is long hex.
    boolean mixed = upper >= 2 && lower >= 2 && digits >= 2;
    if (!(mixed || (hex && token.length() >= 32 && letters >= 4 && digits >= 4))) {
      return false;
    }
    return entropy(counts, token.length()) >= MIN_CUED_ENTROPY;
  }

  static double entropy(int[] counts, int length) {
    double bits = 0;
    for (int n : counts) {
      if (n > 0) {
        double p = (double) n / length;
        bits -= p * Math.log(p) / Math.log(2);
      }
    }
    return bits;
  }
}
