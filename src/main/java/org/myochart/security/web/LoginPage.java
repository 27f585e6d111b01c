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
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.myochart.platform.ClinicSettings;
import org.myochart.security.SignInOutcome;
import org.myochart.security.StaffAuthentication;

/** The sign-in form. */
@Named
@RequestScoped
public class LoginPage {

  public static final String HOME = "/staff/dashboard.xhtml";

  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject ClinicSettings settings;

  private String username;
  private String password;

  public void signIn() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(
                        username == null ? "" : username,
                        new Password(password == null ? "" : password))));
    password = null;
    if (status == AuthenticationStatus.SUCCESS) {
      external.redirect(external.getRequestContextPath() + returnTo(request));
      faces.responseComplete();
    } else if (status == AuthenticationStatus.SEND_CONTINUE) {
      faces.responseComplete();
    } else if (request.getAttribute(StaffAuthentication.SECOND_FACTOR_NEXT) != null) {
      external.redirect(external.getRequestContextPath() + LoginCodePage.PAGE);
      faces.responseComplete();
    } else {
      SignInOutcome outcome = (SignInOutcome) request.getAttribute(SignInOutcome.REQUEST_ATTRIBUTE);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              outcome == null ? "Unknown username or wrong password." : outcome.message(),
              null));
    }
  }

  /**
   * Where the person was going before being asked to sign in; only ever a path we saved ourselves.
   */
  static String returnTo(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object saved = session == null ? null : session.getAttribute(StaffAuthentication.RETURN_TO);
    if (session != null) {
      session.removeAttribute(StaffAuthentication.RETURN_TO);
    }
    if (saved instanceof String path
        && path.startsWith("/")
        && !path.startsWith("//")
        && !path.startsWith("/api/")) {
      return path;
    }
    return HOME;
  }

  public String getIdleTimeout() {
    return settings.idleTimeoutInWords();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
