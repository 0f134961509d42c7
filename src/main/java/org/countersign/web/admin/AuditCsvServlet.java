package org.countersign.web.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.countersign.audit.AuditEntry;
import org.countersign.audit.AuditLog;

/**
 * {@code GET /ui/admin/audit.csv}: the audit trail under the filter of the audit page, newest
 * first, as a CSV download. Behind {@link AdminFilter}, like the pages: only an administrator's
 * page session reaches it. The export is audited before the rows are sent.
 */
@WebServlet(urlPatterns = "/ui/admin/audit.csv")
public class AuditCsvServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject AdminSession admin;
  @Inject AdminAudit audit;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!admin.isPresent()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    AuditFilter filter = AuditFilter.from(request::getParameter);
    long total = audit.search(filter, 1, 1).total();
    long rows = Math.min(total, AdminAudit.MAX_EXPORT);
    audit.exported(admin.caller(request.getRemoteAddr()), filter, rows);
    response.setContentType("text/csv");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"countersign-audit.csv\"");
    Writer out = response.getWriter();
    AuditCsv.header(out);
    long written = 0;
    for (int page = 1; written < rows; page++) {
      AuditLog.Page p = audit.search(filter, page, AdminAudit.EXPORT_PAGE);
      if (p.entries().isEmpty()) {
        break;
      }
      for (AuditEntry e : p.entries()) {
        if (written++ >= rows) {
          break;
        }
        AuditCsv.row(out, e);
      }
    }
    out.flush();
  }
}
