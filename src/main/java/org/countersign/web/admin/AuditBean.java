package org.countersign.web.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.countersign.audit.AuditEntry;
import org.countersign.audit.AuditLog;

/**
 * "Audit trail": the newest entries first, filtered by user, serial, action, success and period, a
 * page at a time, with a link that exports the same filter as CSV ({@link AuditCsvServlet}).
 */
@Named("adminAudit")
@ViewScoped
public class AuditBean implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int PAGE_SIZE = 25;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Inject AdminAudit audit;

  private String user;
  private String serial;
  private String action;
  private String success;
  private String within;
  private int page = 1;
  private List<Row> rows = List.of();
  private long total;

  /** Run on every GET, with the filter of the address (links from the tokens page use it). */
  public void load() {
    AuditLog.Page p = audit.search(filter(), page, PAGE_SIZE);
    if (p.entries().isEmpty() && page > 1) {
      page = 1;
      p = audit.search(filter(), page, PAGE_SIZE);
    }
    rows = p.entries().stream().map(Row::of).toList();
    total = p.total();
  }

  public String search() {
    page = 1;
    load();
    return null;
  }

  public String clear() {
    user = serial = action = success = within = null;
    return search();
  }

  public void next() {
    if (isHasNext()) {
      page++;
    }
    load();
  }

  public void previous() {
    if (page > 1) {
      page--;
    }
    load();
  }

  private AuditFilter filter() {
    return new AuditFilter(user, serial, action, success, within);
  }

  /** The address of the CSV export of this filter. */
  public String getCsvUrl() {
    String q = filter().queryString();
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + "/ui/admin/audit.csv"
        + (q.isEmpty() ? "" : "?" + q);
  }

  public List<String> getPeriods() {
    return List.copyOf(AuditFilter.PERIODS.keySet());
  }

  public List<Row> getRows() {
    return rows;
  }

  public long getTotal() {
    return total;
  }

  public int getPage() {
    return page;
  }

  public long getPages() {
    return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  public boolean isHasNext() {
    return page < getPages();
  }

  public boolean isHasPrevious() {
    return page > 1;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getSerial() {
    return serial;
  }

  public void setSerial(String serial) {
    this.serial = serial;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getSuccess() {
    return success;
  }

  public void setSuccess(String success) {
    this.success = success;
  }

  public String getWithin() {
    return within;
  }

  public void setWithin(String within) {
    this.within = within;
  }

  /** One line of the audit table. */
  public record Row(
      long id,
      String at,
      String action,
      boolean success,
      String result,
      String user,
      String serial,
      String administrator,
      String client,
      String info)
      implements Serializable {

    static Row of(AuditEntry e) {
      String who =
          e.username() == null ? "" : e.username() + (e.realm() == null ? "" : "@" + e.realm());
      return new Row(
          e.id(),
          TIME.format(e.at().atOffset(ZoneOffset.UTC)) + " UTC",
          e.action(),
          e.success(),
          e.result() == null ? "" : e.result(),
          who,
          e.serial() == null ? "" : e.serial(),
          e.actor() == null ? "" : e.actor(),
          e.client() == null ? "" : e.client(),
          e.info() == null ? "" : e.info());
    }

    public long getId() {
      return id;
    }

    public String getAt() {
      return at;
    }

    public String getAction() {
      return action;
    }

    public boolean isSuccess() {
      return success;
    }

    public String getResult() {
      return result;
    }

    public String getUser() {
      return user;
    }

    public String getSerial() {
      return serial;
    }

    public String getAdministrator() {
      return administrator;
    }

    public String getClient() {
      return client;
    }

    public String getInfo() {
      return info;
    }
  }
}
