package org.myochart.security.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;
import org.myochart.security.StaffAccount;
import org.myochart.security.StaffAccounts;

/** The owner's list of staff accounts, with deactivate and reactivate. */
@Named
@ViewScoped
public class StaffListPage implements Serializable {

  @Inject StaffAccounts accounts;
  @Inject CurrentStaff current;

  private List<StaffAccount> staff;

  @PostConstruct
  void load() {
    staff = accounts.all();
  }

  @ShowsRuleViolations
  public void deactivate(StaffAccount account) {
    act(
        () -> accounts.deactivate(account.getId(), account.getVersion(), current.getUsername()),
        account.getDisplayName() + " can no longer sign in.");
  }

  @ShowsRuleViolations
  public void reactivate(StaffAccount account) {
    act(
        () -> accounts.reactivate(account.getId(), account.getVersion()),
        account.getDisplayName() + " can sign in again.");
  }

  /**
   * A refused change is shown by {@link ShowsRuleViolations} on the public action; the page reloads
   * either way.
   */
  private void act(Runnable change, String done) {
    try {
      change.run();
      Messages.info(done);
    } finally {
      load();
    }
  }

  public List<StaffAccount> getStaff() {
    return staff;
  }
}
