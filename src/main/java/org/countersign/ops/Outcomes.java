package org.countersign.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.countersign.token.spi.AppEndpoint.AppReply;

/**
 * What the authentication core reports for operators: one call per outcome, never with a secret, a
 * code or a user name. Counted as {@code countersign_validate_check_total{outcome=...}}, {@code
 * countersign_tiqr_replies_total{action=...,reply=...}}, {@code
 * countersign_enrolments_total{type=...}}, {@code countersign_admin_actions_total{action=...}} and
 * the audit purge as {@code countersign_audit_purge_runs_total} and {@code
 * countersign_audit_purged_rows_total}.
 *
 * <pre>{@code
 * @Inject Outcomes outcomes;
 * outcomes.accepted();
 * }</pre>
 */
@ApplicationScoped
public class Outcomes {

  private static final Logger LOG = Logger.getLogger(Outcomes.class.getName());

  static final String CHECKS = "countersign.validate.check";
  static final String CHECK_DURATION = "countersign.validate.check.duration";
  static final String TIQR_REPLIES = "countersign.tiqr.replies";
  static final String ENROLMENTS = "countersign.enrolments";
  static final String ADMIN_ACTIONS = "countersign.admin.actions";
  static final String PURGE_RUNS = "countersign.audit.purge.runs";
  static final String PURGED_ROWS = "countersign.audit.purged.rows";

  /**
   * The audited actions an administrator takes through the API, registered at zero; an action not
   * listed is counted from its first occurrence.
   */
  private static final List<String> ADMIN_ACTION_NAMES =
      List.of(
          "token_init",
          "token_delete",
          "token_enable",
          "token_disable",
          "token_reset",
          "token_setpin",
          "token_resync",
          "user_create",
          "user_delete",
          "policy_set",
          "policy_delete",
          "policy_enable",
          "policy_disable",
          "validate_triggerchallenge");

  /** The values of the {@code outcome} tag of {@link #CHECKS}, each counted by one method below. */
  private static final List<String> CHECK_OUTCOMES =
      List.of("accept", "reject", "replay", "lockout");

  @Inject Instance<MetricsSink> sinks;

  private volatile Optional<MetricsSink> sink;

  /**
   * Registers the check counters and the latency timer at zero when the application starts, so that
   * a scraper sees every series (and a rate over it) from the first scrape on, not only after the
   * first check.
   */
  void declareAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    for (String outcome : CHECK_OUTCOMES) {
      record(s -> s.declareCounter(CHECKS, "outcome", outcome));
    }
    record(s -> s.declareTimer(CHECK_DURATION));
    for (String action : ADMIN_ACTION_NAMES) {
      record(s -> s.declareCounter(ADMIN_ACTIONS, "action", action));
    }
    record(s -> s.declareCounter(PURGE_RUNS));
    record(s -> s.declareCounter(PURGED_ROWS));
  }

  /** An administrator's action committed, named by its audit action. */
  public void adminAction(String action) {
    count(ADMIN_ACTIONS, "action", action);
  }

  /** The audit retention purge ran and deleted this many rows. */
  public void auditPurged(int rows) {
    count(PURGE_RUNS);
    record(s -> s.add(PURGED_ROWS, rows));
  }

  /** Registers the enrolment counter of each of these token types at zero. */
  public void declareEnrolments(Collection<String> types) {
    for (String type : types) {
      record(s -> s.declareCounter(ENROLMENTS, "type", type));
    }
  }

  /** A code (or an answered challenge) was accepted. */
  public void accepted() {
    count(CHECKS, "outcome", "accept");
  }

  /**
   * A check was rejected (wrong code, PIN or user, replay); a replay is also counted as {@code
   * replay}.
   */
  public void rejected() {
    count(CHECKS, "outcome", "reject");
  }

  /** A rejected check presented a code whose counter was already used. */
  public void replayed() {
    count(CHECKS, "outcome", "replay");
  }

  /**
   * A check hit a token whose fail counter reached its limit (counted apart from {@code reject}).
   */
  public void lockedOut() {
    count(CHECKS, "outcome", "lockout");
  }

  /**
   * Counts a reply of the tiqr app protocol by action and kind ({@code OK}, {@code
   * INVALID_RESPONSE}...).
   */
  public AppReply tiqrReply(String action, AppReply reply) {
    String body = reply.body() == null ? "" : reply.body();
    String kind =
        reply.mediaType().startsWith("application/json") ? "metadata" : body.split(":", 2)[0];
    count(TIQR_REPLIES, "action", action, "reply", kind.toLowerCase(Locale.ROOT));
    return reply;
  }

  /** A token of this type was enrolled. */
  public void enrolled(String type) {
    count(ENROLMENTS, "type", type);
  }

  /** The time one {@code /validate/check} request took. */
  public void checked(Duration took) {
    record(s -> s.time(CHECK_DURATION, took));
  }

  private void count(String name, String... tags) {
    record(s -> s.count(name, tags));
  }

  /** Counting must never change an answer: a failing metrics registry is logged, not thrown. */
  private void record(Consumer<MetricsSink> what) {
    try {
      sink().ifPresent(what);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not record a metric: {0}", e.getClass().getName());
    }
  }

  private Optional<MetricsSink> sink() {
    Optional<MetricsSink> s = sink;
    if (s == null) {
      s = sinks.isResolvable() ? Optional.of(sinks.get()) : Optional.empty();
      sink = s;
    }
    return s;
  }
}
