package io.productopsdash.engine.text.redact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The English BIP39 word list, read from the {@code en-mnemonic-word-list.txt} resource that {@code
 * org.web3j:crypto} ships at its jar root. None of web3j's classes are used: the engine excludes
 * web3j's dependencies, and its {@code MnemonicUtils.validateMnemonic} needs two of them (the
 * {@code Hash} class of {@code org.web3j:utils} and Bouncy Castle) and fails with a {@code
 * NoClassDefFoundError} without them, so the checksum is {@link Checksums#bip39}. Loaded once, when
 * this class is first used.
 */
final class Bip39Words {
  static final String RESOURCE = "/en-mnemonic-word-list.txt";

  /** The 2048 words in BIP39 index order. */
  static final List<String> LIST = load();

  private static final Map<String, Integer> INDEX = indexOf(LIST);

  private Bip39Words() {}

  /** True when the lower-case {@code word} is on the list. */
  static boolean contains(String lowerCaseWord) {
    return INDEX.containsKey(lowerCaseWord);
  }

  /** The 11-bit index (0-2047) of the lower-case {@code word}, or -1 when it is not listed. */
  static int index(String lowerCaseWord) {
    Integer i = INDEX.get(lowerCaseWord);
    return i == null ? -1 : i;
  }

  private static Map<String, Integer> indexOf(List<String> words) {
    Map<String, Integer> index = new HashMap<>(4096);
    for (int i = 0; i < words.size(); i++) {
      index.put(words.get(i), i);
    }
    return Map.copyOf(index);
  }

  private static List<String> load() {
    try (InputStream in = Bip39Words.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "BIP39 word list " + RESOURCE + " not on the class path (org.web3j:crypto missing?)");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> words = new ArrayList<>(2048);
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String w = line.strip();
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
      if (words.size() != 2048 || new HashSet<>(words).size() != 2048) {
        throw new IllegalStateException(
            "BIP39 word list "
                + RESOURCE
                + " has "
                + words.size()
                + " words, expected 2048 distinct");
      }
      return List.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the BIP39 word list " + RESOURCE, e);
    }
  }
}
