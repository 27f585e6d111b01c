package org.myochart.platform;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The database is not answering (PostgreSQL stopped or restarting, network gone, no connection left
 * in the pool): requests are answered 503 with a plain message and a Retry-After header instead of
 * an error page with a stack trace. Nothing is half-saved: the transaction is rolled back by the
 * database or never began. The pool validates connections, so once the database is back the same
 * sessions carry on (docs/operations.md, "Database outages").
 */
public final class DatabaseOutage {

  public static final String MESSAGE =
      "The clinic database is not answering right now, so nothing was saved or shown. Try again in a minute;"
          + " if it keeps happening, tell the clinic owner.";
  static final String RETRY_AFTER_SECONDS = "30";
  private static final String PAGE = "/errors/unavailable.html";
  private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());

  private DatabaseOutage() {}

  /** Whether the failure, or anything that led to it, says the database could not be reached. */
  public static boolean isCause(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    if (failure != null) {
      todo.push(failure);
    }
    while (!todo.isEmpty()) {
      Throwable cause = todo.pop();
      if (!seen.add(cause)) {
        continue;
      }
      if (cause instanceof ConnectException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql) {
        if (isConnectionState(sql.getSQLState())) {
          return true;
        }
        if (sql.getNextException() != null) {
          todo.push(sql.getNextException());
        }
      }
      // Payara's pool: "Connection could not be allocated because: ..." (refused, or none free in
      // time).
      if (cause.getClass().getName().endsWith(".PoolingException")) {
        return true;
      }
      if (cause.getCause() != null) {
        todo.push(cause.getCause());
      }
    }
    return false;
  }

  /** SQLSTATE class 08 (connection exception) and PostgreSQL's shutdown and start-up states. */
  static boolean isConnectionState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }

  /**
   * Answers 503: JSON for the API, a static page for pages (the Faces error pages need the database
   * themselves). AJAX requests get the status too, so the page's scripts can say so. Returns false
   * when the response has already begun and cannot be replaced.
   */
  public static boolean answer(HttpServletRequest request, HttpServletResponse response) {
    if (response.isCommitted()) {
      return false;
    }
    LOG.warning(
        () ->
            "The database is not answering: "
                + request.getMethod()
                + " "
                + request.getRequestURI()
                + " answered 503");
    response.resetBuffer();
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    response.setHeader("Cache-Control", "no-store");
    response.setCharacterEncoding("UTF-8");
    try {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.startsWith("/api/")) {
        response.setContentType("application/json");
        response
            .getWriter()
            .write(
                JSON.createObjectBuilder()
                    .add("status", 503)
                    .add("message", MESSAGE)
                    .build()
                    .toString());
      } else {
        response.setContentType("text/html");
        try (InputStream page = request.getServletContext().getResourceAsStream(PAGE)) {
          if (page == null) {
            response.getWriter().write(MESSAGE);
          } else {
            response.getOutputStream().write(page.readAllBytes());
          }
        }
      }
      response.flushBuffer();
    } catch (IOException | IllegalStateException e) {
      // The client went away, or the body was already being written; the status stands.
    }
    return true;
  }
}
