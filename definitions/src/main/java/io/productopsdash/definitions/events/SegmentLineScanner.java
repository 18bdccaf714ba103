package io.productopsdash.definitions.events;

import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import io.productopsdash.models.InvalidInputException;
import java.time.Instant;

/**
 * The fast path of the Segment file importer: one pass over a JSON line that validates it
 * strictly, picks out the top-level fields and keeps {@code properties}, {@code traits} and
 * {@code context} as the text they already are (no tree, no re-serialisation).
 *
 * <p>It gives an event only for the plain case, and then exactly the event {@link
 * SegmentNormalizer} gives for the same line: compact nested objects (no whitespace, no escapes,
 * no duplicate keys, so the kept text is the text Gson would write), ids and names as plain
 * strings, timestamps of the common ISO shape, a messageId. For anything else it returns null and
 * the caller takes the general path, which decides (and names the skip reason of) every line the
 * fast path declines.
 */
final class SegmentLineScanner {
  private static final int FAIL = -1;
  private static final int MAX_DEPTH = 32;
  private static final int MAX_TEXT = Event.MAX_ID_LENGTH * 4;

  private static final int MESSAGE_ID = 0;
  private static final int TYPE = 1;
  private static final int EVENT = 2;
  private static final int NAME = 3;
  private static final int USER_ID = 4;
  private static final int ANONYMOUS_ID = 5;
  private static final int PREVIOUS_ID = 6;
  private static final int TIMESTAMP = 7;
  private static final int ORIGINAL_TIMESTAMP = 8;
  private static final int SENT_AT = 9;
  private static final int PROPERTIES = 10;
  private static final int TRAITS = 11;
  private static final int CONTEXT = 12;
  private static final String[] KEYS = {
    "messageId", "type", "event", "name", "userId", "anonymousId", "previousId", "timestamp", "originalTimestamp",
    "sentAt", "properties", "traits", "context"
  };

  /** What a nested object is scanned for: nothing, properties.path, context.page, page.path. */
  private static final int PLAIN = 0;
  private static final int IN_PROPERTIES = 1;
  private static final int IN_CONTEXT = 2;
  private static final int IN_PAGE = 3;

  private final String s;
  private final int n;
  private final String[] values = new String[KEYS.length];
  private String propertiesPath;
  private String contextPagePath;

  private SegmentLineScanner(String s) {
    this.s = s;
    this.n = s.length();
  }

  /** The event of {@code line}, or null when the general path must decide. */
  static Event tryNormalize(String line, Instant receivedAt) {
    SegmentLineScanner scanner = new SegmentLineScanner(line);
    return scanner.top() ? scanner.build(receivedAt) : null;
  }

  // ---- building the event, with SegmentNormalizer's rules ----

  private Event build(Instant receivedAt) {
    String typeText = text(TYPE);
    EventType type = typeText == null ? null : EventType.parse(typeText);
    String userId = text(USER_ID);
    String anonymousId = text(ANONYMOUS_ID);
    String name = type == EventType.TRACK ? text(EVENT) : text(NAME);
    String messageId = text(MESSAGE_ID);
    String previousId = text(PREVIOUS_ID);
    if (typeText == BAD || userId == BAD || anonymousId == BAD || name == BAD || messageId == BAD || previousId == BAD) {
      return null;
    }
    if (type == null || (userId == null && anonymousId == null) || (type == EventType.TRACK && name == null) || messageId == null) {
      return null;
    }
    Instant timestamp = instant(values[TIMESTAMP]);
    if (timestamp == BAD_INSTANT) {
      return null;
    }
    if (timestamp == null) {
      timestamp = instant(values[ORIGINAL_TIMESTAMP]);
      if (timestamp == null || timestamp == BAD_INSTANT) {
        return null;
      }
    }
    if (values[SENT_AT] != null && instant(values[SENT_AT]) == BAD_INSTANT) {
      return null;
    }
    String path = propertiesPath != null ? propertiesPath : contextPagePath;
    try {
      return new Event(
          messageId, type, name, userId, anonymousId, previousId, timestamp, receivedAt, path, values[PROPERTIES],
          values[TRAITS], values[CONTEXT]);
    } catch (InvalidInputException e) {
      return null;
    }
  }

  /** Marks a string the general path would refuse (too long). */
  private static final String BAD = new String("<bad>");
  private static final Instant BAD_INSTANT = Instant.MIN;

  /** As JsonFields.string: blank is absent, over-long is refused. */
  private String text(int key) {
    String v = values[key];
    if (v == null) {
      return null;
    }
    if (v.length() > MAX_TEXT) {
      return BAD;
    }
    return v.isBlank() ? null : v;
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    Instant parsed = IsoInstants.parse(text);
    return parsed == null ? BAD_INSTANT : parsed;
  }

  // ---- scanning ----

  private boolean top() {
    int i = ws(0);
    if (i >= n || s.charAt(i) != '{') {
      return false;
    }
    i = ws(i + 1);
    int seen = 0;
    if (i < n && s.charAt(i) == '}') {
      return ws(i + 1) == n;
    }
    while (true) {
      if (i >= n || s.charAt(i) != '"') {
        return false;
      }
      int keyEnd = plainStringEnd(i);
      if (keyEnd == FAIL) {
        return false;
      }
      int key = knownKey(i + 1, keyEnd - 1);
      i = ws(keyEnd);
      if (i >= n || s.charAt(i) != ':') {
        return false;
      }
      i = ws(i + 1);
      if (key >= 0) {
        if ((seen & (1 << key)) != 0) {
          return false;
        }
        seen |= 1 << key;
        i = key >= PROPERTIES ? objectField(i, key) : stringField(i, key);
      } else {
        i = value(i, 1, false, PLAIN);
      }
      if (i == FAIL) {
        return false;
      }
      i = ws(i);
      if (i >= n) {
        return false;
      }
      char c = s.charAt(i);
      if (c == '}') {
        return ws(i + 1) == n;
      }
      if (c != ',') {
        return false;
      }
      i = ws(i + 1);
    }
  }

  private int knownKey(int from, int to) {
    int len = to - from;
    for (int k = 0; k < KEYS.length; k++) {
      if (KEYS[k].length() == len && s.regionMatches(from, KEYS[k], 0, len)) {
        return k;
      }
    }
    return -1;
  }

  /** A top-level text field: a plain string or null; anything else goes the general way. */
  private int stringField(int i, int key) {
    if (s.startsWith("null", i)) {
      values[key] = null;
      return i + 4;
    }
    if (i >= n || s.charAt(i) != '"') {
      return FAIL;
    }
    int end = plainStringEnd(i);
    if (end == FAIL) {
      return FAIL;
    }
    values[key] = s.substring(i + 1, end - 1);
    return end;
  }

  /** properties, traits or context: a compact object kept as its text ({} is absent), or null. */
  private int objectField(int i, int key) {
    if (s.startsWith("null", i)) {
      values[key] = null;
      return i + 4;
    }
    if (i >= n || s.charAt(i) != '{') {
      return FAIL;
    }
    int end = value(i, 1, true, key == PROPERTIES ? IN_PROPERTIES : key == CONTEXT ? IN_CONTEXT : PLAIN);
    if (end == FAIL) {
      return FAIL;
    }
    values[key] = end - i == 2 ? null : s.substring(i, end);
    return end;
  }

  /**
   * Validates one JSON value starting at {@code i}; returns the index after it. {@code compact}
   * demands the form Gson writes (no whitespace, no escapes, no duplicate keys).
   */
  private int value(int i, int depth, boolean compact, int scope) {
    if (i >= n || depth > MAX_DEPTH) {
      return FAIL;
    }
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return object(i, depth, compact, scope);
      case '[':
        return array(i, depth, compact);
      case '"':
        return compact ? plainStringEnd(i) : anyStringEnd(i);
      case 't':
        return s.startsWith("true", i) ? i + 4 : FAIL;
      case 'f':
        return s.startsWith("false", i) ? i + 5 : FAIL;
      case 'n':
        return s.startsWith("null", i) ? i + 4 : FAIL;
      default:
        return number(i);
    }
  }

  private int object(int i, int depth, boolean compact, int scope) {
    i = skip(i + 1, compact);
    if (i < n && s.charAt(i) == '}') {
      return i + 1;
    }
    int[] keys = compact ? new int[8] : null;
    int count = 0;
    while (true) {
      if (i >= n || s.charAt(i) != '"') {
        return FAIL;
      }
      int keyEnd = compact ? plainStringEnd(i) : anyStringEnd(i);
      if (keyEnd == FAIL) {
        return FAIL;
      }
      if (compact) {
        int len = keyEnd - i;
        for (int k = 0; k < count; k += 2) {
          if (keys[k + 1] - keys[k] == len && s.regionMatches(keys[k], s, i, len)) {
            return FAIL;
          }
        }
        if (count == keys.length) {
          keys = java.util.Arrays.copyOf(keys, count * 2);
        }
        keys[count++] = i;
        keys[count++] = keyEnd;
      }
      int nested = PLAIN;
      boolean wantPath = false;
      if (scope == IN_PROPERTIES || scope == IN_PAGE) {
        wantPath = keyEnd - i == 6 && s.startsWith("\"path\"", i);
      } else if (scope == IN_CONTEXT && keyEnd - i == 6 && s.startsWith("\"page\"", i)) {
        nested = IN_PAGE;
      }
      i = skip(keyEnd, compact);
      if (i >= n || s.charAt(i) != ':') {
        return FAIL;
      }
      i = skip(i + 1, compact);
      int valueStart = i;
      i = value(i, depth + 1, compact, nested);
      if (i == FAIL) {
        return FAIL;
      }
      if (wantPath && !path(valueStart, i, scope)) {
        return FAIL;
      }
      i = skip(i, compact);
      if (i >= n) {
        return FAIL;
      }
      char c = s.charAt(i);
      if (c == '}') {
        return i + 1;
      }
      if (c != ',') {
        return FAIL;
      }
      i = skip(i + 1, compact);
    }
  }

  /** Keeps a path value as JsonFields.lenientString reads it; a non-text primitive goes the general way. */
  private boolean path(int start, int end, int scope) {
    char c = s.charAt(start);
    String path;
    if (c == '"') {
      path = s.substring(start + 1, end - 1);
      path = path.isBlank() ? null : path;
    } else if (c == '{' || c == '[' || c == 'n') {
      path = null;
    } else {
      return false;
    }
    if (scope == IN_PROPERTIES) {
      propertiesPath = path;
    } else {
      contextPagePath = path;
    }
    return true;
  }

  private int array(int i, int depth, boolean compact) {
    i = skip(i + 1, compact);
    if (i < n && s.charAt(i) == ']') {
      return i + 1;
    }
    while (true) {
      i = value(i, depth + 1, compact, PLAIN);
      if (i == FAIL) {
        return FAIL;
      }
      i = skip(i, compact);
      if (i >= n) {
        return FAIL;
      }
      char c = s.charAt(i);
      if (c == ']') {
        return i + 1;
      }
      if (c != ',') {
        return FAIL;
      }
      i = skip(i + 1, compact);
    }
  }

  /** A string without escapes or control characters (and without the two characters Gson escapes). */
  private int plainStringEnd(int i) {
    for (int j = i + 1; j < n; j++) {
      char c = s.charAt(j);
      if (c == '"') {
        return j + 1;
      }
      if (c == '\\' || c < 0x20 || c == '\u2028' || c == '\u2029') {
        return FAIL;
      }
    }
    return FAIL;
  }

  /** Any valid JSON string. */
  private int anyStringEnd(int i) {
    for (int j = i + 1; j < n; j++) {
      char c = s.charAt(j);
      if (c == '"') {
        return j + 1;
      }
      if (c < 0x20) {
        return FAIL;
      }
      if (c == '\\') {
        if (j + 1 >= n) {
          return FAIL;
        }
        char e = s.charAt(++j);
        if (e == 'u') {
          if (j + 4 >= n) {
            return FAIL;
          }
          for (int k = 1; k <= 4; k++) {
            if (Character.digit(s.charAt(j + k), 16) < 0) {
              return FAIL;
            }
          }
          j += 4;
        } else if ("\"\\/bfnrt".indexOf(e) < 0) {
          return FAIL;
        }
      }
    }
    return FAIL;
  }

  /** -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)? */
  private int number(int i) {
    int j = i;
    if (j < n && s.charAt(j) == '-') {
      j++;
    }
    if (j >= n) {
      return FAIL;
    }
    if (s.charAt(j) == '0') {
      j++;
    } else if (isDigit(j)) {
      while (isDigit(j)) {
        j++;
      }
    } else {
      return FAIL;
    }
    if (j < n && s.charAt(j) == '.') {
      j++;
      if (!isDigit(j)) {
        return FAIL;
      }
      while (isDigit(j)) {
        j++;
      }
    }
    if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
      j++;
      if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
        j++;
      }
      if (!isDigit(j)) {
        return FAIL;
      }
      while (isDigit(j)) {
        j++;
      }
    }
    return j;
  }

  private boolean isDigit(int j) {
    return j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9';
  }

  /** Skips whitespace where it is allowed; in compact text there must be none. */
  private int skip(int i, boolean compact) {
    return compact ? i : ws(i);
  }

  private int ws(int i) {
    while (i < n) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        break;
      }
      i++;
    }
    return i;
  }
}
