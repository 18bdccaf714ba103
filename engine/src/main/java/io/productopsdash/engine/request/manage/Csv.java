package io.productopsdash.engine.request.manage;

/**
 * CSV rows (RFC 4180, CRLF) of text a spreadsheet opens safely: a cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, so user
 * text (answers, names) is never run as a formula (OWASP "CSV injection").
 */
final class Csv {
  private Csv() {}

  static void row(StringBuilder b, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(cell(cells[i]));
    }
    b.append("\r\n");
  }

  static String cell(String raw) {
    if (raw == null) {
      return "";
    }
    String v = raw;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
