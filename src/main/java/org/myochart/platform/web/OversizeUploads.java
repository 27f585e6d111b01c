package org.myochart.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Answers a form upload larger than the Faces servlet's request cap with 413 and a plain page,
 * before anything reads the body. Left to Faces, the multipart parser fails inside the page and the
 * person sees only "Something went wrong". Smaller files that are still too large get their field's
 * message from the page itself.
 */
@WebFilter(filterName = "OversizeUploads", urlPatterns = "*.xhtml")
public class OversizeUploads extends HttpFilter {

  /** The same as {@code max-request-size} of the Faces servlet in web.xml. */
  static final long LARGEST_REQUEST = 69_206_016L;

  static final String PAGE =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"/>"
          + "<title>File too large · MyoChart</title></head><body><h1>The file is too large</h1>"
          + "<p>MyoChart accepts scans and letters of up to 5 MB. Scan the document at a lower resolution "
          + "or as PDF, go back and attach it again. Nothing was saved.</p><p><a href=\"/\">Back to MyoChart</a></p>"
          + "</body></html>";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String type = request.getContentType();
    if ("POST".equals(request.getMethod())
        && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
        && request.getContentLengthLong() > LARGEST_REQUEST) {
      SecurityHeaders.apply(request, response);
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      // The unread body is not worth waiting for.
      response.setHeader("Connection", "close");
      response.setContentType("text/html");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(PAGE);
      response.flushBuffer();
      return;
    }
    chain.doFilter(request, response);
  }
}
