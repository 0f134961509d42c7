package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countersign.audit.AuditColumn;
import org.countersign.audit.AuditEntry;
import org.countersign.audit.AuditLog;
import org.countersign.audit.AuditQuery;
import org.countersign.error.DomainException;
import org.countersign.json.Jsonp;
import org.countersign.user.UserStore;

/**
 * {@code GET /audit/}: the audit trail for administrators, as privacyIDEA's: {@code page}, {@code
 * page_size} (default 15), {@code sortorder} ({@code desc} by default), {@code timelimit} ({@code
 * 2h}, {@code 7d}) and any column as a filter ({@code *} a wildcard, a leading {@code !} negates);
 * unknown parameters are ignored.
 */
@Path("audit")
@ApplicationScoped
public class AuditResource extends ApiResource {

  static final int DEFAULT_PAGE_SIZE = 15;
  static final int MAX_PAGE_SIZE = 1000;
  private static final Pattern TIME_LIMIT = Pattern.compile("(\\d{1,6})([smhd])");
  private static final Set<String> AUTHENTICATIONS = Set.of("ACCEPT", "REJECT", "CHALLENGE");
  private static final List<String> COLUMNS =
      List.of(
          "number",
          "date",
          "startdate",
          "duration",
          "action",
          "action_detail",
          "success",
          "authentication",
          "serial",
          "token_type",
          "container_serial",
          "container_type",
          "user",
          "realm",
          "resolver",
          "administrator",
          "client",
          "user_agent",
          "user_agent_version",
          "privacyidea_server",
          "info",
          "policies",
          "log_level",
          "clearance_level",
          "thread_id");

  @Inject AuditLog audit;

  @GET
  public Response search() {
    caller().requireAdmin();
    Params p = query();
    int page = p.integer("page", 1, 1, 1_000_000);
    int size = p.integer("page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    boolean newestFirst = !"asc".equalsIgnoreCase(p.optional("sortorder").orElse("desc").strip());
    Map<AuditColumn, String> filters = new EnumMap<>(AuditColumn.class);
    for (AuditColumn column : AuditColumn.values()) {
      p.optional(column.wireName())
          .filter(v -> !v.isEmpty() && !v.equals("*"))
          .ifPresent(v -> filters.put(column, v));
    }
    if (filters.containsKey(AuditColumn.SUCCESS)
        && !Set.of("0", "1", "true", "false", "!0", "!1")
            .contains(filters.get(AuditColumn.SUCCESS).toLowerCase(Locale.ROOT))) {
      throw DomainException.invalid("success", "must be 1 or 0");
    }
    AuditLog.Page result =
        audit.search(new AuditQuery(filters, timeLimit(p), page, size, newestFirst));
    JsonArrayBuilder rows = Jsonp.createArrayBuilder();
    result.entries().forEach(e -> rows.add(row(e)));
    JsonArrayBuilder columns = Jsonp.createArrayBuilder();
    COLUMNS.forEach(columns::add);
    long pages = Math.max(1, (result.total() + size - 1) / size);
    JsonObject value =
        Jsonp.createObjectBuilder()
            .add("auditdata", rows)
            .add("auditcolumns", columns)
            .add("count", result.total())
            .add("current", page)
            .add("prev", page > 1 ? Jsonp.createValue(page - 1) : JsonValue.NULL)
            .add("next", page < pages ? Jsonp.createValue(page + 1) : JsonValue.NULL)
            .build();
    return responses.ok(value);
  }

  private static Optional<Duration> timeLimit(Params p) {
    Optional<String> raw = p.optional("timelimit").filter(s -> !s.isBlank());
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = TIME_LIMIT.matcher(raw.get().strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw DomainException.invalid(
          "timelimit", "must be a number and s, m, h or d, such as 2h or 7d");
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        });
  }

  private static JsonObject row(AuditEntry e) {
    String date = e.at().atOffset(ZoneOffset.UTC).toString();
    return Jsonp.createObjectBuilder()
        .add("number", e.id())
        .add("date", date)
        .add("startdate", date)
        .add("duration", 0)
        .add("action", e.action())
        .add("action_detail", "")
        .add("success", e.success() ? 1 : 0)
        .add(
            "authentication",
            e.result() != null && AUTHENTICATIONS.contains(e.result())
                ? Jsonp.createValue(e.result())
                : JsonValue.NULL)
        .add("serial", nullToEmpty(e.serial()))
        .add("token_type", nullToEmpty(e.tokenType()))
        .add("container_serial", "")
        .add("container_type", "")
        .add("user", nullToEmpty(e.username()))
        .add("realm", nullToEmpty(e.realm()))
        .add("resolver", e.username() == null ? "" : UserStore.RESOLVER)
        .add("administrator", nullToEmpty(e.actor()))
        .add("client", nullToEmpty(e.client()))
        .add("user_agent", "")
        .add("user_agent_version", "")
        .add("privacyidea_server", "")
        .add("info", nullToEmpty(e.info()))
        .add("policies", "")
        .add("log_level", "INFO")
        .add("clearance_level", "")
        .add("thread_id", "")
        .build();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
