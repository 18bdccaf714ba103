package io.productopsdash.engine.text.redact;

import io.productopsdash.engine.text.redact.SecretScanner.Hit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed-phrase detector of {@link SecretScanner}: a run of at least 12 BIP39 words is redacted
 * when a window of it has a valid BIP39 checksum and is not written like prose, when a seed cue is
 * near, or when it is written as a phrase list. Stateless and thread-safe.
 */
final class SeedPhraseScanner {
  /** A seed phrase is a run of at least this many BIP39 words (BIP39 phrases have 12 to 24). */
  static final int MIN_SEED_WORDS = 12;

  /* What may separate two words of a seed phrase: spaces, newlines, list punctuation and the
   * numbering of a written-down phrase ("1. abandon 2) ability #3 able"). A lone full stop or any
   * other word ends the run. */
  private static final Pattern SEED_GAP =
      Pattern.compile("(?:[\\s,;|/*\\-\u2022\u00b7]|[(#]?\\d{1,2}(?!\\d)[.):]?)+");

  /* Words that say a run of BIP39 words is a wallet's secret. "seed" and "phrase" are BIP39
   * words themselves, so the cue may sit inside the run ("my seed phrase abandon ..."). */
  private static final Pattern SEED_CUE =
      Pattern.compile(
          "(?i)\\b(?:seed|phrase|mnemonic|recovery|recover|backup|back-up|secret (?:words?|phrase)"
              + "|(?:12|15|18|21|24|twelve|fifteen|eighteen|twenty-one|twenty-four)[ \\-]words?"
              + "|wallet words?)\\b");

  private static final int SEED_CUE_BEFORE = 80;
  private static final int SEED_CUE_AFTER = 40;

  private SeedPhraseScanner() {}

  /**
   * Seed phrases: runs of at least {@link #MIN_SEED_WORDS} consecutive BIP39 words, in any case,
   * separated by whitespace, commas or the numbering of a written-down list, redacted whole when
   * one of these holds:
   *
   * <ol>
   *   <li>a window of 12, 15, 18, 21 or 24 consecutive words of the run has a valid BIP39 checksum
   *       and is not written like prose (see {@link #hasValidChecksum}; a random window passes the
   *       checksum with probability 1/16 for 12 words, 1/256 for 24);
   *   <li>a seed cue is near: {@link #SEED_CUE} within {@link #SEED_CUE_BEFORE} characters before
   *       the run, inside it or within {@link #SEED_CUE_AFTER} after it, so a phrase with a typo
   *       still goes when its writer says what it is;
   *   <li>12 consecutive words of it are written as a phrase list: numbered ("1. abandon 2.
   *       ability"), one word per line, or all lower case with single spaces and nothing else.
   * </ol>
   *
   * Ordinary sentences made of listed words ("Please add more bonus reward option, they want cash,
   * price alert, real time") have no cue, are not lists, and either read as prose (commas in some
   * places, capitals in some words) or fail the checksum. What is left: a sentence of 12 or more
   * listed words with no punctuation at all, in one case, passes one 12-word window's checksum with
   * probability 1/16, and all lower case it is taken as a list.
   */
  static void seedPhrases(String text, List<Hit> out) {
    int n = text.length();
    // The current run's words: start, end and list index of each.
    int[] starts = new int[32];
    int[] ends = new int[32];
    int[] indices = new int[32];
    int runWords = 0;
    Matcher gap = SEED_GAP.matcher(text);
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      int length = i - s;
      int index =
          length >= 3 && length <= 8
              ? Bip39Words.index(text.substring(s, i).toLowerCase(Locale.ROOT))
              : -1;
      if (index < 0 || runWords == 0 || !gap.region(ends[runWords - 1], s).matches()) {
        if (runWords >= MIN_SEED_WORDS) {
          addSeedPhrase(text, starts, ends, indices, runWords, out);
        }
        runWords = 0;
      }
      if (index >= 0) {
        if (runWords == starts.length) {
          starts = Arrays.copyOf(starts, runWords * 2);
          ends = Arrays.copyOf(ends, runWords * 2);
          indices = Arrays.copyOf(indices, runWords * 2);
        }
        starts[runWords] = s;
        ends[runWords] = i;
        indices[runWords] = index;
        runWords++;
      }
    }
    if (runWords >= MIN_SEED_WORDS) {
      addSeedPhrase(text, starts, ends, indices, runWords, out);
    }
  }

  /** Adds the run of {@code count} listed words when one of the three rules holds. */
  private static void addSeedPhrase(
      String text, int[] starts, int[] ends, int[] indices, int count, List<Hit> out) {
    int start = starts[0];
    int end = ends[count - 1];
    if (hasValidChecksum(text, starts, ends, indices, count)
        || hasSeedCue(text, start, end)
        || writtenAsList(text, starts, ends, count)) {
      out.add(new Hit(RedactionKind.SEED_PHRASE, withNumbering(text, start), end));
    }
  }

  /**
   * True when a window of 12 to 24 words (a multiple of 3) has a valid BIP39 checksum and is not
   * written like prose: a window with capitals in places (not all words, not only the first) or
   * with commas between some words and bare spaces between others is a sentence, whatever its
   * checksum says, since a written-down phrase keeps one case and one separator.
   */
  private static boolean hasValidChecksum(
      String text, int[] starts, int[] ends, int[] indices, int count) {
    for (int length = MIN_SEED_WORDS; length <= 24 && length <= count; length += 3) {
      for (int from = 0; from + length <= count; from++) {
        if (!proseLike(text, starts, ends, from, length)
            && Checksums.bip39(indices, from, length)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean proseLike(String text, int[] starts, int[] ends, int from, int length) {
    int capitalised = 0;
    int upper = 0;
    boolean firstCapitalised = false;
    boolean commas = false;
    boolean spaces = false;
    for (int k = from; k < from + length; k++) {
      boolean firstUpper = Character.isUpperCase(text.charAt(starts[k]));
      boolean restLower = isLowerCase(text, starts[k] + 1, ends[k]);
      if (firstUpper && restLower) {
        capitalised++;
        firstCapitalised |= k == from;
      } else if (firstUpper && !restLower) {
        upper++;
      }
      if (k > from) {
        boolean comma = false;
        boolean blank = true;
        for (int c = ends[k - 1]; c < starts[k]; c++) {
          char ch = text.charAt(c);
          comma |= ch == ',' || ch == ';';
          blank &= ch == ' ' || ch == '\t';
        }
        commas |= comma;
        spaces |= blank;
      }
    }
    boolean oneCase =
        capitalised + upper == 0
            || capitalised == length
            || upper == length
            || (capitalised == 1 && upper == 0 && firstCapitalised);
    return !oneCase || (commas && spaces);
  }

  private static boolean hasSeedCue(String text, int start, int end) {
    return SEED_CUE
        .matcher(text)
        .region(Math.max(0, start - SEED_CUE_BEFORE), Math.min(text.length(), end + SEED_CUE_AFTER))
        .find();
  }

  /**
   * True when {@link #MIN_SEED_WORDS} consecutive words of the run are joined by list numbers
   * throughout, by line breaks throughout, or are all lower case joined by single spaces.
   */
  private static boolean writtenAsList(String text, int[] starts, int[] ends, int count) {
    int numbered = 1;
    int lines = 1;
    int plain = isLowerCase(text, starts[0], ends[0]) ? 1 : 0;
    for (int k = 1; k < count; k++) {
      int gapStart = ends[k - 1];
      int gapEnd = starts[k];
      boolean digit = false;
      boolean newline = false;
      for (int c = gapStart; c < gapEnd; c++) {
        digit |= Character.isDigit(text.charAt(c));
        newline |= text.charAt(c) == '\n';
      }
      numbered = digit ? numbered + 1 : 1;
      lines = newline ? lines + 1 : 1;
      boolean singleSpace = gapEnd - gapStart == 1 && text.charAt(gapStart) == ' ';
      boolean lower = isLowerCase(text, starts[k], ends[k]);
      plain = lower ? (singleSpace ? plain + 1 : 1) : 0;
      if (numbered >= MIN_SEED_WORDS || lines >= MIN_SEED_WORDS || plain >= MIN_SEED_WORDS) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLowerCase(String text, int start, int end) {
    for (int c = start; c < end; c++) {
      if (!Character.isLowerCase(text.charAt(c))) {
        return false;
      }
    }
    return true;
  }

  /** The start of "1. abandon" when the phrase's first word carries a list number. */
  private static int withNumbering(String text, int wordStart) {
    int i = wordStart;
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    if (i > 0 && ".):".indexOf(text.charAt(i - 1)) >= 0) {
      i--;
    }
    int digitsEnd = i;
    while (i > 0 && digitsEnd - i < 2 && Character.isDigit(text.charAt(i - 1))) {
      i--;
    }
    if (i == digitsEnd) {
      return wordStart;
    }
    if (i > 0 && (text.charAt(i - 1) == '(' || text.charAt(i - 1) == '#')) {
      i--;
    }
    return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) ? i : wordStart;
  }
}
