package org.countersign.web.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.util.List;
import org.countersign.audit.AuditEntry;

/**
 * The audit trail as CSV (RFC 4180: comma-separated, CRLF, quoted where needed). A cell that a
 * spreadsheet would read as a formula, one starting with {@code = + - @}, a tab or a carriage
 * return, gets a leading apostrophe, so that a user name such as {@code =HYPERLINK(...)} typed at a
 * sign-in stays text when an operator opens the file.
 *
 * <pre>{@code
 * AuditCsv.cell("=1+1")   // "'=1+1"
 * AuditCsv.cell("a,b")    // "\"a,b\""
 * }</pre>
 */
final class AuditCsv {

  static final List<String> HEADER =
      List.of(
          "number",
          "date",
          "action",
          "success",
          "authentication",
          "user",
          "realm",
          "serial",
          "token_type",
          "administrator",
          "client",
          "info");

  private AuditCsv() {}

  static void header(Writer out) {
    line(out, HEADER);
  }

  static void row(Writer out, AuditEntry e) {
    line(
        out,
        List.of(
            Long.toString(e.id()),
            e.at().atOffset(ZoneOffset.UTC).toString(),
            nullToEmpty(e.action()),
            e.success() ? "1" : "0",
            nullToEmpty(e.result()),
            nullToEmpty(e.username()),
            nullToEmpty(e.realm()),
            nullToEmpty(e.serial()),
            nullToEmpty(e.tokenType()),
            nullToEmpty(e.actor()),
            nullToEmpty(e.client()),
            nullToEmpty(e.info())));
  }

  static void line(Writer out, List<String> cells) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(cell(cells.get(i)));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One cell, neutralised against formulas and quoted when it holds a comma, quote or newline. */
  static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
