package org.myochart.security.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;
import org.myochart.security.ApiToken;
import org.myochart.security.ApiTokens;
import org.myochart.security.StaffAccount;
import org.myochart.security.StaffAccounts;

/**
 * The owner's API tokens: issue one for a staff account (shown once, on this page only), see which
 * are live and when each was last used, revoke one. The rules live in {@link ApiTokens}.
 */
@Named
@ViewScoped
public class ApiTokensPage implements Serializable {

  @Inject ApiTokens tokens;
  @Inject StaffAccounts accounts;

  private List<ApiToken> issued;
  private List<StaffAccount> activeStaff;

  private Long accountId;
  private String name;
  private Integer validDays = ApiTokens.DEFAULT_VALIDITY_DAYS;

  /** The token just issued, shown until the owner leaves this page; never stored. */
  private String shownOnce;

  private String shownOnceName;

  @PostConstruct
  void load() {
    issued = tokens.all();
    activeStaff = accounts.all().stream().filter(StaffAccount::isActive).toList();
  }

  @ShowsRuleViolations(form = "issue")
  public void issue() {
    if (accountId == null) {
      Messages.error("Choose whose account the token acts for.");
      return;
    }
    ApiTokens.Issued token =
        tokens.issue(
            accountId, name, validDays == null ? ApiTokens.DEFAULT_VALIDITY_DAYS : validDays);
    shownOnce = token.secret();
    shownOnceName = token.token().getName();
    name = null;
    validDays = ApiTokens.DEFAULT_VALIDITY_DAYS;
    Messages.info(
        "Token \""
            + shownOnceName
            + "\" was issued for "
            + token.token().getAccount().getDisplayName()
            + ". Copy it now: MyoChart keeps only its fingerprint and cannot show it again.");
    issued = tokens.all();
  }

  @ShowsRuleViolations
  public void revoke(ApiToken token) {
    try {
      tokens.revoke(token.getId());
      Messages.info("Token \"" + token.getName() + "\" is revoked; its next use is refused.");
    } finally {
      issued = tokens.all();
    }
  }

  public String status(ApiToken token) {
    return tokens.status(token);
  }

  public boolean live(ApiToken token) {
    return tokens.isLive(token);
  }

  public List<ApiToken> getIssued() {
    return issued;
  }

  public List<StaffAccount> getActiveStaff() {
    return activeStaff;
  }

  public Long getAccountId() {
    return accountId;
  }

  public void setAccountId(Long accountId) {
    this.accountId = accountId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getValidDays() {
    return validDays;
  }

  public void setValidDays(Integer validDays) {
    this.validDays = validDays;
  }

  public String getShownOnce() {
    return shownOnce;
  }

  public String getShownOnceName() {
    return shownOnceName;
  }

  public int getLongestValidity() {
    return ApiTokens.LONGEST_VALIDITY_DAYS;
  }
}
