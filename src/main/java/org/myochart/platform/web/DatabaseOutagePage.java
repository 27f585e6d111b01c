package org.myochart.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.myochart.platform.DatabaseOutage;

/**
 * Turns a request that failed because the database is not answering into a 503 page instead of the
 * error page (which needs the database itself). Declared first in web.xml, so that it also covers
 * the other filters.
 */
public class DatabaseOutagePage extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException failure) {
      if (!DatabaseOutage.isCause(failure) || !DatabaseOutage.answer(request, response)) {
        throw failure;
      }
    }
  }
}
