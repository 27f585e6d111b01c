package org.myochart.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A person signed in with a temporary password set by the owner sees only the change-password page
 * until they have chosen their own.
 */
@WebFilter(
    filterName = "PasswordChangeGate",
    urlPatterns = {"/staff/*", "/owner/*", "/clinical/*"})
public class PasswordChangeGate extends HttpFilter {

  static final String PASSWORD_PAGE = "/account/password.xhtml";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getAttribute(StaffAuthentication.CURRENT_ACCOUNT) instanceof StaffAccount account
        && account.isPasswordChangeRequired()) {
      response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
      return;
    }
    chain.doFilter(request, response);
  }
}
