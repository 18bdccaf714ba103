package io.productopsdash.engine.text.redact;

import io.productopsdash.engine.text.redact.SecretScanner.Hit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP addresses. IPv4: four decimal parts 0-255 without leading zeros, optionally with a port or a
 * CIDR suffix, not right after a version word ("version 2.1.0.5", "v1.2.3.4", "build 10.0.1.2")
 * where the same shape is a release number, and when shaped like a release number (first part
 * under 10, the others under 100: "Magento 1.4.0.1") only after an IP word ("my IP is 8.8.8.8",
 * "DNS 1.1.1.1"). IPv6: the RFC 4291 text forms (eight groups, or fewer
 * with one {@code ::}, optionally ending in an IPv4 part or a zone), with at least one digit and
 * at least three groups or a {@code ::}, so that times ("12:30:45") and words with colons stay.
 * Stateless and thread-safe.
 */
final class IpAddressScanner {
  private static final Pattern IPV4 =
      Pattern.compile(
          "(?<![\\w.\\-])((?:\\d{1,3}\\.){3}\\d{1,3})(?::\\d{1,5}|/\\d{1,2})?(?![\\w\\-]|\\.\\d)");
  private static final Pattern IPV6 =
      Pattern.compile(
          "(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\\d{1,3}\\.){3}\\d{1,3})?"
              + "(?:%[0-9A-Za-z]+)?(?![\\w:])");
  private static final Pattern IP_CUE =
      Pattern.compile(
          "(?i)\\b(?:ip|ips|ipv4|address|addr|dns|server|host|proxy|gateway|router|vpn|ping|localhost)\\b");
  private static final Pattern VERSION_CUE =
      Pattern.compile("(?i)(?:\\bv|\\bversion|\\bver\\.?|\\bbuild|\\brelease|\\bupdate|\\bios|\\bandroid)\\s*$");

  private IpAddressScanner() {}

  static void scan(String text, List<Hit> out) {
    if (text.indexOf('.') >= 0) {
      Matcher m = IPV4.matcher(text);
      while (m.find()) {
        if (ipv4(m.group(1))
            && !afterVersionWord(text, m.start())
            && (!versionShaped(m.group(1)) || IP_CUE.matcher(before(text, m.start())).find())) {
          out.add(new Hit(RedactionKind.IP_ADDRESS, m.start(), m.end()));
        }
      }
    }
    if (text.indexOf(':') >= 0) {
      Matcher m = IPV6.matcher(text);
      while (m.find()) {
        if (ipv6(m.group())) {
          out.add(new Hit(RedactionKind.IP_ADDRESS, m.start(), m.end()));
        }
      }
    }
  }

  private static boolean afterVersionWord(String text, int start) {
    int from = Math.max(0, start - 16);
    return VERSION_CUE.matcher(text.substring(from, start)).find();
  }

  private static String before(String text, int start) {
    return text.substring(Math.max(0, start - 32), start);
  }

  /**
   * Shaped like a release number: a first part under 10 and the others under 100 ("Magento
   * 1.4.0.1", "Prototype 1.6.0.3"). Such an address ("8.8.8.8") needs an IP word before it.
   */
  static boolean versionShaped(String dotted) {
    String[] parts = dotted.split("\\.");
    if (Integer.parseInt(parts[0]) > 9) {
      return false;
    }
    for (int i = 1; i < 4; i++) {
      if (Integer.parseInt(parts[i]) > 99) {
        return false;
      }
    }
    return true;
  }

  static boolean ipv4(String dotted) {
    String[] parts = dotted.split("\\.");
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return false;
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  /** The RFC 4291 text forms (the zone, if any, is not checked) with at least one digit. */
  static boolean ipv6(String candidate) {
    int zone = candidate.indexOf('%');
    String s = zone >= 0 ? candidate.substring(0, zone) : candidate;
    if (!s.chars().anyMatch(Character::isDigit)) {
      return false;
    }
    String head = s;
    int embedded = 0;
    int lastColon = s.lastIndexOf(':');
    if (s.indexOf('.', lastColon) >= 0) {
      if (!ipv4(s.substring(lastColon + 1))) {
        return false;
      }
      embedded = 2; // an IPv4 tail stands for two groups
      head = s.endsWith("::") || s.substring(0, lastColon + 1).endsWith("::")
          ? s.substring(0, lastColon + 1)
          : s.substring(0, lastColon);
    }
    int doubleColon = head.indexOf("::");
    if (doubleColon < 0) {
      int groups = hexGroups(head);
      return groups >= 0 && groups + embedded == 8;
    }
    if (head.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    int left = hexGroups(head.substring(0, doubleColon));
    int right = hexGroups(head.substring(doubleColon + 2));
    return left >= 0 && right >= 0 && left + right + embedded <= 7;
  }

  /** The number of colon-separated groups of 1-4 hex digits, 0 for "", -1 if any is invalid. */
  private static int hexGroups(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    String[] groups = s.split(":", -1);
    for (String g : groups) {
      if (g.isEmpty() || g.length() > 4 || !g.toLowerCase(Locale.ROOT).matches("[0-9a-f]+")) {
        return -1;
      }
    }
    return groups.length;
  }
}
