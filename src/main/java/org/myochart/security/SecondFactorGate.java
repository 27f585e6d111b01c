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
 * A person whose role the clinic requires to sign in with a second factor sees only the set-up page
 * until they have enrolled one (after choosing their own password, which comes first).
 */
@WebFilter(
    filterName = "SecondFactorGate",
    urlPatterns = {"/staff/*", "/owner/*", "/clinical/*"})
public class SecondFactorGate extends HttpFilter {

  static final String SET_UP_PAGE = "/account/second-factor.xhtml";

  @Inject SecondFactors secondFactors;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getAttribute(StaffAuthentication.CURRENT_ACCOUNT) instanceof StaffAccount account
        && !account.isPasswordChangeRequired()
        && !account.hasSecondFactor()
        && secondFactors.requiredFor(account.getRole())) {
      response.sendRedirect(request.getContextPath() + SET_UP_PAGE);
      return;
    }
    chain.doFilter(request, response);
  }
}
