package org.myochart.security.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.platform.web.StrictMethodServlet;
import org.myochart.security.IdleTimeout;
import org.myochart.security.SignedInStaff;
import org.myochart.security.StaffAccounts;
import org.myochart.security.StaffAuthentication;

/**
 * Ends a staff session: POST from the menu, or GET with {@code reason=idle} from the idle monitor
 * in the page. Signing someone out is harmless, so the GET needs no form token.
 */
@WebServlet("/logout")
public class SignOutServlet extends StrictMethodServlet {

  @Inject transient AuditTrail audit;

  public SignOutServlet() {
    super("POST", "GET");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    signOut(request, response, false);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    signOut(request, response, "idle".equals(request.getParameter("reason")));
  }

  private void signOut(HttpServletRequest request, HttpServletResponse response, boolean idle)
      throws IOException, ServletException {
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(SignedInStaff.SESSION_ATTRIBUTE) instanceof SignedInStaff staff) {
      audit.record(
          idle ? AuditAction.IDLE_LOGOUT : AuditAction.LOGOUT,
          StaffAccounts.RECORD_TYPE,
          staff.accountId(),
          null);
      session.setAttribute(IdleTimeout.SIGNED_OUT_ON_PURPOSE, Boolean.TRUE);
    }
    request.logout();
    if (session != null) {
      session.invalidate();
    }
    response.sendRedirect(
        request.getContextPath()
            + StaffAuthentication.LOGIN_PAGE
            + (idle ? "?idle=true" : "?signedOut=true"));
  }
}
