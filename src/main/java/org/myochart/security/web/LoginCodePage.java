package org.myochart.security.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.myochart.security.PendingSignIn;
import org.myochart.security.SecondFactorCode;
import org.myochart.security.SignInOutcome;
import org.myochart.security.StaffAuthentication;

/** The second sign-in step: the code from the authenticator app, or a recovery code. */
@Named
@RequestScoped
public class LoginCodePage {

  static final String PAGE = "/login-code.xhtml";

  @Inject SecurityContext security;
  @Inject FacesContext faces;

  private String code;

  /** Without a password accepted a moment ago there is nothing to confirm: back to sign-in. */
  public void requirePendingSignIn() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpSession session = (HttpSession) external.getSession(false);
    if (session == null || session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE) == null) {
      external.redirect(external.getRequestContextPath() + StaffAuthentication.LOGIN_PAGE);
      faces.responseComplete();
    }
  }

  public void confirm() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            withParams()
                .newAuthentication(true)
                .credential(new SecondFactorCode(code == null ? "" : code)));
    code = null;
    if (status == AuthenticationStatus.SUCCESS) {
      external.redirect(external.getRequestContextPath() + LoginPage.returnTo(request));
      faces.responseComplete();
      return;
    }
    SignInOutcome outcome = (SignInOutcome) request.getAttribute(SignInOutcome.REQUEST_ATTRIBUTE);
    String message = outcome == null ? "That code does not match." : outcome.message();
    if (request.getAttribute(StaffAuthentication.SECOND_FACTOR_NEXT) == null) {
      external.getFlash().put("signInAgain", message);
      external.redirect(external.getRequestContextPath() + StaffAuthentication.LOGIN_PAGE);
      faces.responseComplete();
      return;
    }
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
