package org.myochart.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.myochart.security.SignedInStaff;
import org.myochart.staff.Role;

/** Who is signed in, for templates and page beans. */
@Named
@RequestScoped
public class CurrentStaff {

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  public boolean isSignedIn() {
    return security.getCallerPrincipal() != null;
  }

  public String getUsername() {
    return isSignedIn() ? security.getCallerPrincipal().getName() : null;
  }

  public String getDisplayName() {
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(SignedInStaff.SESSION_ATTRIBUTE) instanceof SignedInStaff staff) {
      return staff.displayName();
    }
    return getUsername();
  }

  public Role getRole() {
    for (Role role : Role.STAFF) {
      if (security.isCallerInRole(role.name())) {
        return role;
      }
    }
    return null;
  }

  public boolean isOwner() {
    return security.isCallerInRole(Role.OWNER_ROLE);
  }

  public boolean isTherapist() {
    return security.isCallerInRole(Role.THERAPIST_ROLE);
  }
}
