package org.myochart.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * A servlet that answers only the methods it names. Any other method gets 405 with an {@code Allow}
 * header and the security headers, instead of the container's 501 page. HEAD is refused too unless
 * named: the servlet default would run the GET, so a HEAD would sign a person out or write an
 * EXPORT audit entry without sending the file.
 */
public abstract class StrictMethodServlet extends HttpServlet {

  private final List<String> methods;

  protected StrictMethodServlet(String... methods) {
    this.methods = List.of(methods);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (methods.contains(request.getMethod())) {
      super.service(request, response);
      return;
    }
    SecurityHeaders.apply(request, response);
    response.setHeader("Allow", String.join(", ", methods));
    if ("OPTIONS".equals(request.getMethod())) {
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    // Answered here, not by the error page: the Faces servlet that renders it refuses methods it
    // does not know (PATCH) with its own 400.
    response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    response.setContentType("text/plain;charset=UTF-8");
    response
        .getWriter()
        .write("This address answers only " + String.join(" and ", methods) + ".\n");
  }
}
