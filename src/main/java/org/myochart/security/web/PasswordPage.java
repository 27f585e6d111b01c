package org.myochart.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;
import org.myochart.security.StaffAccounts;

/** A signed-in person changes their own password (required after the owner set a temporary one). */
@Named
@RequestScoped
public class PasswordPage {

  @Inject StaffAccounts accounts;
  @Inject CurrentStaff current;

  private String currentPassword;
  private String newPassword;
  private String confirmation;

  public boolean isChangeRequired() {
    return accounts
        .findByUsername(current.getUsername())
        .map(a -> a.isPasswordChangeRequired())
        .orElse(false);
  }

  @ShowsRuleViolations
  public String change() {
    if (newPassword == null || !newPassword.equals(confirmation)) {
      Messages.error("The new password and its confirmation differ.");
      return null;
    }
    accounts.changeOwnPassword(current.getUsername(), currentPassword, newPassword);
    Messages.flash("Your password has been changed.");
    return LoginPage.HOME + "?faces-redirect=true";
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
