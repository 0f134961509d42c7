package org.countersign.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

  @Test
  void cellsThatSpreadsheetsReadAsFormulasStartWithAnApostrophe() {
    assertEquals("'=1+1", AuditCsv.cell("=1+1"));
    assertEquals("'+41 44", AuditCsv.cell("+41 44"));
    assertEquals("'-2", AuditCsv.cell("-2"));
    assertEquals("'@SUM(A1)", AuditCsv.cell("@SUM(A1)"));
    assertEquals("'\tx", AuditCsv.cell("\tx"));
  }

  @Test
  void ordinaryCellsStayAsTheyAre() {
    assertEquals("token_disable", AuditCsv.cell("token_disable"));
    assertEquals("a=b", AuditCsv.cell("a=b"));
    assertEquals("", AuditCsv.cell(""));
  }

  @Test
  void cellsWithCommaQuoteOrNewlineAreQuotedWithQuotesDoubled() {
    assertEquals("\"a,b\"", AuditCsv.cell("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", AuditCsv.cell("say \"hi\""));
    assertEquals("\"two\nlines\"", AuditCsv.cell("two\nlines"));
  }

  @Test
  void aFormulaWithACommaIsNeutralisedInsideTheQuotes() {
    assertEquals("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", AuditCsv.cell("=HYPERLINK(\"x\",\"y\")"));
  }

  @Test
  void aLineEndsWithCrLf() {
    StringWriter out = new StringWriter();
    AuditCsv.line(out, List.of("1", "=x", "a,b"));
    assertEquals("1,'=x,\"a,b\"\r\n", out.toString());
  }
}
