package org.myochart.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The address people type, http://clinic/, leads to the dashboard or to sign-in. */
@Named
@RequestScoped
public class EntryPage {

  @Inject CurrentStaff current;

  public String route() {
    return current.isSignedIn()
        ? LoginPage.HOME + "?faces-redirect=true"
        : "/login.xhtml?faces-redirect=true";
  }
}
