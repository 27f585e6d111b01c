package org.myochart.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Until the clinic has an owner, every page leads to the one-time setup page. Once an owner exists,
 * the answer is remembered: owners are never deleted and the last one cannot be demoted.
 */
@WebFilter(filterName = "FirstStartGate", urlPatterns = "*.xhtml")
public class FirstStartGate extends HttpFilter {

  static final String SETUP_PAGE = "/setup.xhtml";

  @Inject StaffAccounts accounts;
  private volatile boolean setUp;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getServletPath();
    if (!setUp && !path.equals(SETUP_PAGE) && !path.startsWith("/jakarta.faces.resource/")) {
      setUp = accounts.ownerExists();
      if (!setUp) {
        response.sendRedirect(request.getContextPath() + SETUP_PAGE);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
