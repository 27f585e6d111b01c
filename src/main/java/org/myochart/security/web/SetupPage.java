package org.myochart.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;
import org.myochart.security.StaffAccounts;

/** The one-time page that creates the clinic's first owner when no owner exists yet. */
@Named
@RequestScoped
public class SetupPage {

  @Inject StaffAccounts accounts;

  private String displayName;
  private String username;
  private String password;
  private String confirmation;

  /** Once an owner exists the page is gone for good. */
  public String onlyBeforeSetup() {
    return accounts.ownerExists() ? "/login.xhtml?faces-redirect=true" : null;
  }

  @ShowsRuleViolations
  public String create() {
    if (password == null || !password.equals(confirmation)) {
      Messages.error("The two passwords differ. Type the same password twice.");
      return null;
    }
    accounts.createFirstOwner(username, displayName, password);
    Messages.flash("The clinic is set up. Sign in with the owner account you just created.");
    return "/login.xhtml?faces-redirect=true";
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
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

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
