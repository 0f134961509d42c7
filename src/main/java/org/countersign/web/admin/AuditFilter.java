package org.countersign.web.admin;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.countersign.audit.AuditColumn;
import org.countersign.audit.AuditQuery;

/**
 * What the audit page filters on: user, serial, action (each exact, or a pattern with {@code *}, or
 * negated with a leading {@code !}, as {@code GET /audit/} takes them), success, and how far back.
 * The same filter drives the page and the CSV export, whose address carries it as parameters.
 */
public record AuditFilter(String user, String serial, String action, String success, String within)
    implements Serializable {

  /** The periods the page offers, by the name of their {@code admin.audit.within.*} text. */
  static final Map<String, Duration> PERIODS = periods();

  private static Map<String, Duration> periods() {
    Map<String, Duration> m = new LinkedHashMap<>();
    m.put("1h", Duration.ofHours(1));
    m.put("24h", Duration.ofHours(24));
    m.put("7d", Duration.ofDays(7));
    m.put("30d", Duration.ofDays(30));
    return m;
  }

  public AuditFilter {
    user = clean(user);
    serial = clean(serial);
    action = clean(action);
    success = "1".equals(success) || "0".equals(success) ? success : "";
    within = within != null && PERIODS.containsKey(within) ? within : "";
  }

  static AuditFilter none() {
    return new AuditFilter("", "", "", "", "");
  }

  /** From request parameters of these names (missing ones are no filter). */
  static AuditFilter from(Function<String, String> parameters) {
    return new AuditFilter(
        parameters.apply("user"),
        parameters.apply("serial"),
        parameters.apply("action"),
        parameters.apply("success"),
        parameters.apply("within"));
  }

  AuditQuery query(int page, int pageSize) {
    Map<AuditColumn, String> filters = new EnumMap<>(AuditColumn.class);
    put(filters, AuditColumn.USER, user);
    put(filters, AuditColumn.SERIAL, serial);
    put(filters, AuditColumn.ACTION, action);
    put(filters, AuditColumn.SUCCESS, success);
    return new AuditQuery(filters, Optional.ofNullable(PERIODS.get(within)), page, pageSize, true);
  }

  /** The filter as a query string, without the {@code ?}; empty when nothing is filtered. */
  String queryString() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("user", user);
    p.put("serial", serial);
    p.put("action", action);
    p.put("success", success);
    p.put("within", within);
    return p.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** For the audit row of an export: which filter it applied. */
  String describe() {
    String q = queryString();
    return q.isEmpty() ? "no filter" : q;
  }

  private static void put(Map<AuditColumn, String> filters, AuditColumn column, String value) {
    if (!value.isEmpty() && !value.equals("*")) {
      filters.put(column, value);
    }
  }

  private static String clean(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    return t.length() > 128 ? t.substring(0, 128) : t;
  }
}
