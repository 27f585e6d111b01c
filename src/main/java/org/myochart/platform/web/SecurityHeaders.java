package org.myochart.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Security headers on every response: scripts only from this origin or carrying the page's nonce,
 * nothing may frame MyoChart, post forms elsewhere or load plugins. The Content-Security-Policy is
 * defined once, as the {@code primefaces.CSP_POLICY} context parameter in web.xml: this filter
 * sends it as it stands, and on Faces pages PrimeFaces replaces it with the same policy plus the
 * page's script nonce, so that each answer carries exactly one policy. HSTS is sent only when the
 * request arrived over TLS (directly or through a proxy that says so).
 */
@WebFilter(
    filterName = "SecurityHeaders",
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

  static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
  static final String POLICY_PARAMETER = "primefaces.CSP_POLICY";

  @Override
  public void init() throws ServletException {
    policy(getServletContext());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    apply(request, response);
    chain.doFilter(request, new OnePolicy(response));
  }

  /**
   * Also called by the authentication mechanism, whose refusals are sent before any filter runs.
   */
  public static void apply(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader(CONTENT_SECURITY_POLICY, policy(request.getServletContext()));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
      // Pages carry health information: never keep them in a shared or back-button cache.
      response.setHeader("Cache-Control", "no-store");
    }
  }

  private static String policy(ServletContext context) {
    String policy = context.getInitParameter(POLICY_PARAMETER);
    if (policy == null || !policy.strip().endsWith("script-src 'self'")) {
      throw new IllegalStateException(
          "web.xml must define "
              + POLICY_PARAMETER
              + " ending in script-src 'self' (PrimeFaces appends the nonce)");
    }
    return policy.strip();
  }

  /**
   * PrimeFaces adds its policy (ours plus the nonce) as a second header; it replaces ours instead.
   */
  private static final class OnePolicy extends HttpServletResponseWrapper {

    OnePolicy(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (CONTENT_SECURITY_POLICY.equalsIgnoreCase(name)) {
        setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }
  }
}
