package org.myochart.security;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.myochart.audit.CurrentActor;
import org.myochart.platform.DatabaseOutage;
import org.myochart.platform.web.SecurityHeaders;

/**
 * The one authentication mechanism: pages sign in through the login form and stay signed in by
 * their session; {@code /api/*} calls carry HTTP Basic credentials (people; a password hash each
 * time) or an owner-issued bearer token (integrations; {@link ApiTokens}) on every request and
 * never get a session. Passwords on both paths are checked the same accounts, throttle and audit
 * trail through {@link SignIns}.
 */
@ApplicationScoped
public class StaffAuthentication implements HttpAuthenticationMechanism {

  public static final String LOGIN_PAGE = "/login.xhtml";
  public static final String RETURN_TO = "org.myochart.security.returnTo";
  static final String CURRENT_ACCOUNT = "org.myochart.security.account";

  @Inject SignIns signIns;
  @Inject StaffAccounts accounts;
  @Inject KioskEscapes escapes;
  @Inject SecondFactors secondFactors;
  @Inject ApiTokens tokens;
  @Inject java.time.Clock clock;

  /**
   * Set on the request when a password was accepted and the account's second factor is asked next.
   */
  public static final String SECOND_FACTOR_NEXT = "org.myochart.security.secondFactorNext";

  /** The header that carries an authenticator code with HTTP Basic for accounts that have one. */
  public static final String CODE_HEADER = "X-MyoChart-Code";

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    // Refusals and redirects from here are sent before any filter runs.
    SecurityHeaders.apply(request, response);
    try {
      return validate(request, response, context);
    } catch (RuntimeException failure) {
      // Accounts are read on every request: with the database down, say so (503) and keep the
      // session, so that the person carries on once it is back.
      if (DatabaseOutage.isCause(failure) && DatabaseOutage.answer(request, response)) {
        return AuthenticationStatus.SEND_FAILURE;
      }
      throw failure;
    }
  }

  private AuthenticationStatus validate(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Optional<KioskSession> kiosk =
        KioskGate.kioskOf(request).filter(k -> !KioskGate.allowedOnKiosk(request, k));
    if (kiosk.isPresent()) {
      escapes.record(request, kiosk.get());
      return context.redirect(request.getContextPath() + kiosk.get().purpose().page());
    }
    if (isApi(request)) {
      String header = request.getHeader("Authorization");
      boolean bearer =
          header != null
              && header.regionMatches(true, 0, "Bearer", 0, 6)
              && (header.length() == 6 || header.charAt(6) == ' ');
      return bearer
          ? bearer(header.substring(6).strip(), request, response, context)
          : basic(request, response, context);
    }
    if (context.isAuthenticationRequest()
        && context.getAuthParameters().getCredential()
            instanceof UsernamePasswordCredential credential) {
      return formSignIn(credential, request, context);
    }
    if (context.isAuthenticationRequest()
        && context.getAuthParameters().getCredential() instanceof SecondFactorCode code) {
      return secondStep(code, request, context);
    }
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(SignedInStaff.SESSION_ATTRIBUTE) instanceof SignedInStaff staff) {
      Optional<StaffAccount> account =
          accounts.find(staff.accountId()).filter(StaffAccount::isActive);
      if (account.isPresent()) {
        // The role is read afresh so that a change by the owner takes effect on the next click.
        return signedIn(account.get(), request, context);
      }
      session.invalidate();
    }
    request.setAttribute(CurrentActor.REQUEST_ATTRIBUTE, CurrentActor.anonymous(request));
    if (context.isProtected()) {
      boolean expired =
          request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
      request.getSession(true).setAttribute(RETURN_TO, requestedPath(request));
      return context.redirect(
          request.getContextPath() + LOGIN_PAGE + (expired ? "?idle=true" : ""));
    }
    return context.doNothing();
  }

  private AuthenticationStatus formSignIn(
      UsernamePasswordCredential credential,
      HttpServletRequest request,
      HttpMessageContext context) {
    SignIns.Attempt attempt =
        signIns.attempt(
            credential.getCaller(),
            credential.getPasswordAsString(),
            CurrentActor.anonymous(request));
    request.setAttribute(SignInOutcome.REQUEST_ATTRIBUTE, attempt.outcome());
    if (attempt.account().isEmpty()) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    StaffAccount account = attempt.account().get();
    if (request.getSession(false) != null) {
      // A new session id at sign-in defeats session fixation.
      request.changeSessionId();
    }
    HttpSession session = request.getSession(true);
    if (account.hasSecondFactor()) {
      session.removeAttribute(SignedInStaff.SESSION_ATTRIBUTE);
      session.setAttribute(
          PendingSignIn.SESSION_ATTRIBUTE,
          new PendingSignIn(account.getId(), account.getUsername(), clock.instant(), 0));
      request.setAttribute(SECOND_FACTOR_NEXT, Boolean.TRUE);
      return AuthenticationStatus.SEND_FAILURE;
    }
    session.setAttribute(SignedInStaff.SESSION_ATTRIBUTE, SignedInStaff.of(account));
    return signedIn(account, request, context);
  }

  /** The second sign-in step: the code for the account whose password this session just gave. */
  private AuthenticationStatus secondStep(
      SecondFactorCode code, HttpServletRequest request, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session == null
        || !(session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE) instanceof PendingSignIn pending)
        || !pending.isValidAt(clock.instant())) {
      if (session != null) {
        session.removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
      }
      request.setAttribute(
          SignInOutcome.REQUEST_ATTRIBUTE,
          SignInOutcome.malformed(
              "Sign in with your username and password again; the code must follow within five minutes."));
      return AuthenticationStatus.SEND_FAILURE;
    }
    Optional<StaffAccount> account =
        accounts.find(pending.accountId()).filter(StaffAccount::isActive);
    request.setAttribute(
        CurrentActor.REQUEST_ATTRIBUTE, CurrentActor.of(request, pending.username(), null));
    if (account.isEmpty() || !secondFactors.verify(pending.accountId(), code.code())) {
      session.setAttribute(PendingSignIn.SESSION_ATTRIBUTE, pending.withWrongCode());
      request.setAttribute(SECOND_FACTOR_NEXT, Boolean.TRUE);
      request.setAttribute(
          SignInOutcome.REQUEST_ATTRIBUTE,
          SignInOutcome.malformed(
              "That code does not match. Type the six digits your authenticator app shows now, or one of your recovery codes."));
      return AuthenticationStatus.SEND_FAILURE;
    }
    session.removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
    request.changeSessionId();
    session = request.getSession(true);
    session.setAttribute(SignedInStaff.SESSION_ATTRIBUTE, SignedInStaff.of(account.get()));
    return signedIn(account.get(), request, context);
  }

  /**
   * An integration's API call with a bearer token (ADR-052): one indexed lookup, no password hash,
   * no second factor (the owner who issued the token signed in with theirs).
   */
  private AuthenticationStatus bearer(
      String secret,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    ApiTokens.Check check = tokens.check(secret, CurrentActor.anonymous(request));
    if (check.retryAfter() != null) {
      response.setHeader(
          "Retry-After",
          Long.toString(
              Math.max(
                  1, java.time.Duration.between(clock.instant(), check.retryAfter()).toSeconds())));
      return refuse(response, 429, check.refusal());
    }
    if (check.token().isEmpty()) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"MyoChart\", error=\"invalid_token\"");
      return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, check.refusal());
    }
    request.setAttribute(ApiTokens.VIA_TOKEN, check.token().get().getId());
    return signedIn(check.token().get().getAccount(), request, context);
  }

  private AuthenticationStatus basic(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return unauthorized(
          response,
          context,
          "Authentication required: send HTTP Basic credentials of a staff account, or an API token the owner issued as \"Authorization: Bearer <token>\".");
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return unauthorized(response, context, "The Authorization header is not valid Base64.");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return unauthorized(
          response, context, "The Authorization header must carry username:password.");
    }
    SignIns.Attempt attempt =
        signIns.attempt(
            decoded.substring(0, colon),
            decoded.substring(colon + 1),
            CurrentActor.anonymous(request));
    if (attempt.account().isEmpty() && attempt.outcome().addressRefused()) {
      response.setHeader(
          "Retry-After", Long.toString(attempt.outcome().addressRefusedFor().toSeconds()));
      return refuse(response, 429, attempt.outcome().message());
    }
    if (attempt.account().isEmpty()) {
      return unauthorized(response, context, attempt.outcome().message());
    }
    if (attempt.account().get().isPasswordChangeRequired()) {
      return refuse(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "This account still has the temporary password the owner set. Sign in on the web page and choose your own first.");
    }
    StaffAccount caller = attempt.account().get();
    if (caller.hasSecondFactor()
        && !secondFactors.matchesForApi(caller.getId(), request.getHeader(CODE_HEADER))) {
      return unauthorized(
          response,
          context,
          "This account signs in with a second factor: send the six digits your"
              + " authenticator app shows now in the "
              + CODE_HEADER
              + " header with the HTTP Basic credentials.");
    }
    if (!caller.hasSecondFactor() && secondFactors.requiredFor(caller.getRole())) {
      return refuse(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "This account must set up a second factor first: sign in on the web page, which shows how.");
    }
    return signedIn(attempt.account().get(), request, context);
  }

  private static AuthenticationStatus signedIn(
      StaffAccount account, HttpServletRequest request, HttpMessageContext context) {
    request.setAttribute(CURRENT_ACCOUNT, account);
    request.setAttribute(
        CurrentActor.REQUEST_ATTRIBUTE,
        CurrentActor.of(request, account.getUsername(), account.getRole()));
    return context.notifyContainerAboutLogin(
        account.getUsername(), Set.of(account.getRole().name()));
  }

  private static AuthenticationStatus unauthorized(
      HttpServletResponse response, HttpMessageContext context, String message) {
    response.setHeader("WWW-Authenticate", "Basic realm=\"MyoChart\", charset=\"UTF-8\"");
    return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, message);
  }

  private static AuthenticationStatus refuse(
      HttpServletResponse response, int status, String message) {
    try {
      response.setStatus(status);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              JSON.createObjectBuilder()
                  .add("status", status)
                  .add("message", message)
                  .build()
                  .toString());
      response.flushBuffer();
    } catch (IOException e) {
      // The client went away; nothing more to tell it.
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  static boolean isApi(HttpServletRequest request) {
    return requestedPath(request).startsWith("/api/");
  }

  private static String requestedPath(HttpServletRequest request) {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    String query = request.getQueryString();
    return query == null ? uri : uri + "?" + query;
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SignedInStaff.SESSION_ATTRIBUTE);
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }
}
