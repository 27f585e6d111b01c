package org.myochart.security.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;
import org.myochart.security.SecondFactors;
import org.myochart.security.StaffAccount;
import org.myochart.security.StaffAccounts;

/**
 * A person sets up their second factor: scan the QR code, confirm one code, keep the recovery
 * codes.
 */
@Named
@ViewScoped
public class SecondFactorPage implements Serializable {

  @Inject StaffAccounts accounts;
  @Inject SecondFactors secondFactors;
  @Inject CurrentStaff current;

  private long accountId;
  private boolean enrolled;
  private boolean required;
  private SecondFactors.Offer offer;
  private String code;
  private List<String> recoveryCodes = List.of();
  private long codesLeft;

  @PostConstruct
  void start() {
    StaffAccount account = accounts.findByUsername(current.getUsername()).orElseThrow();
    accountId = account.getId();
    enrolled = account.hasSecondFactor();
    required = secondFactors.requiredFor(account.getRole());
    if (enrolled) {
      codesLeft = secondFactors.recoveryCodesLeft(accountId);
    } else {
      offer = secondFactors.offer(account);
    }
  }

  @ShowsRuleViolations(form = "enrol")
  public void confirm() {
    String typed = code;
    code = null;
    recoveryCodes = secondFactors.enrol(accountId, offer.secret(), typed);
    enrolled = true;
    codesLeft = recoveryCodes.size();
    offer = null;
    Messages.info(
        "Your second factor is set up. From now on, signing in asks for a code from your app.");
  }

  public boolean isEnrolled() {
    return enrolled;
  }

  public boolean isRequired() {
    return required;
  }

  public String getQrCode() {
    return offer == null ? null : offer.qrPng();
  }

  public String getKey() {
    return offer == null ? null : offer.key();
  }

  public List<String> getRecoveryCodes() {
    return recoveryCodes;
  }

  public long getCodesLeft() {
    return codesLeft;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
