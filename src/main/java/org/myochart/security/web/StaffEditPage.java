package org.myochart.security.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;
import org.myochart.security.SecondFactors;
import org.myochart.security.StaffAccount;
import org.myochart.security.StaffAccounts;
import org.myochart.staff.Role;

/** Adds a staff member, or changes one's name, role and password. */
@Named
@ViewScoped
public class StaffEditPage implements Serializable {

  @Inject StaffAccounts accounts;
  @Inject CurrentStaff current;

  private Long id;
  private long version;
  private String username;
  private String displayName;
  private Role role = Role.THERAPIST;
  private String temporaryPassword;
  private boolean active = true;

  @Inject SecondFactors secondFactors;
  private boolean secondFactor;

  public void load() throws IOException {
    if (id == null) {
      return;
    }
    var account = accounts.find(id);
    if (account.isEmpty()) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .responseSendError(404, "There is no staff account " + id + ".");
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    show(account.get());
  }

  @ShowsRuleViolations
  public String save() {
    if (id == null) {
      accounts.create(username, displayName, role, temporaryPassword, true);
      Messages.flash(
          displayName.strip()
              + " was added. Give them the temporary password; they choose their own at first sign-in.");
    } else {
      accounts.describe(id, version, displayName, role, current.getUsername());
      Messages.flash("Changes to " + displayName.strip() + " were saved.");
    }
    return "/owner/staff.xhtml?faces-redirect=true";
  }

  @ShowsRuleViolations
  public void resetPassword() {
    show(accounts.resetPassword(id, version, temporaryPassword));
    temporaryPassword = null;
    Messages.info(
        "The password was reset. " + displayName + " must choose a new one at next sign-in.");
  }

  /**
   * For a person who lost their phone and their recovery codes: they enrol again at next sign-in.
   */
  @ShowsRuleViolations
  public void removeSecondFactor() {
    secondFactors.remove(id);
    secondFactor = false;
    Messages.info(
        "The second factor was removed. " + displayName + " sets up a new one at next sign-in.");
  }

  public boolean isSecondFactor() {
    return secondFactor;
  }

  private void show(StaffAccount account) {
    secondFactor = account.hasSecondFactor();
    id = account.getId();
    version = account.getVersion();
    username = account.getUsername();
    displayName = account.getDisplayName();
    role = account.getRole();
    active = account.isActive();
  }

  public boolean isNew() {
    return id == null;
  }

  public Role[] getRoles() {
    return Role.STAFF.toArray(Role[]::new);
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public String getTemporaryPassword() {
    return temporaryPassword;
  }

  public void setTemporaryPassword(String temporaryPassword) {
    this.temporaryPassword = temporaryPassword;
  }

  public boolean isActive() {
    return active;
  }
}
