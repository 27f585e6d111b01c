package org.myochart.consent.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.myochart.audit.CurrentActor;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.consent.Consent;
import org.myochart.consent.ConsentFormVersion;
import org.myochart.consent.ConsentForms;
import org.myochart.consent.Consents;
import org.myochart.consent.FormItem;
import org.myochart.consent.KioskEvidence;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;
import org.myochart.record.ClientCopies;
import org.myochart.security.KioskSession;
import org.myochart.security.Kiosks;
import org.myochart.security.StaffAccount;

/**
 * The client signs on the tablet: the electronic records disclosure first if they have not accepted
 * it, then each form the staff member chose, then a witness if a form asks for one, then a
 * thank-you, after which the tablet locks.
 */
@Named
@ViewScoped
public class KioskConsentPage implements Serializable {

  /** Where the screen is in the signing. */
  public enum Phase {
    LOCKED,
    SIGN,
    WITNESS,
    DONE,
    PAPER
  }

  @Inject Kiosks kiosks;
  @Inject Clients clients;
  @Inject Consents consents;
  @Inject ConsentForms forms;
  @Inject HttpServletRequest request;
  @Inject ClientCopies copies;

  private Phase phase = Phase.LOCKED;
  private Long clientId;
  private String firstName;
  private boolean minor;
  private final List<Long> queue = new ArrayList<>();
  private int position;
  private ConsentFormVersion shown;
  private String submissionId;
  private final Map<String, Boolean> ticked = new HashMap<>();
  private final Map<String, String> choices = new HashMap<>();
  private String typedName;
  private String guardianRelationship;
  private String signature;
  private Long awaitingWitness;
  private String witnessUsername;
  private String witnessPassword;
  private String staffPassword;

  /** The consents signed on this screen, for the client's copy. */
  private final List<Long> signedHere = new ArrayList<>();

  private String copyAddress;
  private String copySentTo;

  @PostConstruct
  void start() {
    kiosks
        .current(request)
        .filter(k -> !k.finished() && k.purpose() == KioskSession.Purpose.CONSENT)
        .ifPresent(
            kiosk -> {
              Client client = clients.get(kiosk.clientId());
              clientId = client.getId();
              firstName = client.getFirstName();
              copyAddress = client.getEmail();
              minor = client.isMinorOn(clients.today());
              forms
                  .disclosure()
                  .filter(d -> !consents.electronicRecordsAccepted(clientId))
                  .ifPresent(d -> queue.add(d.getId()));
              queue.addAll(kiosk.formVersionIds());
              show(0);
            });
  }

  private void show(int index) {
    position = index;
    if (index >= queue.size()) {
      kiosks.finish(request);
      shown = null;
      phase = Phase.DONE;
      return;
    }
    shown = forms.version(queue.get(index));
    submissionId = UUID.randomUUID().toString();
    ticked.clear();
    choices.clear();
    typedName = null;
    guardianRelationship = null;
    signature = null;
    phase = Phase.SIGN;
  }

  /** "I agree and sign" (or, for the disclosure, "I agree"). */
  public void sign() {
    if (phase != Phase.SIGN || !stillHandedOver()) {
      return;
    }
    Map<String, Boolean> answers = new HashMap<>();
    for (FormItem item : shown.getItems()) {
      if (item.isAcknowledgement()) {
        answers.put(item.getCode(), Boolean.TRUE.equals(ticked.get(item.getCode())));
      } else if ("yes".equals(choices.get(item.getCode()))
          || "no".equals(choices.get(item.getCode()))) {
        answers.put(item.getCode(), "yes".equals(choices.get(item.getCode())));
      }
    }
    KioskSession kiosk = kiosks.current(request).orElseThrow();
    KioskEvidence evidence =
        new KioskEvidence(
            kiosk.id(),
            kiosk.startedBy(),
            CurrentActor.anonymous(request).ipAddress(),
            request.getHeader("User-Agent"),
            submissionId);
    try {
      Consent consent =
          consents.signOnKiosk(
              new Consents.KioskSigning(
                  clientId,
                  shown.getId(),
                  answers,
                  typedName,
                  guardianRelationship,
                  signature,
                  evidence));
      signedHere.add(consent.getId());
      if (consent.getFormVersion().isRequiresWitness()) {
        awaitingWitness = consent.getId();
        phase = Phase.WITNESS;
      } else {
        show(position + 1);
      }
    } catch (RuleViolation refused) {
      if (refused.kind() == RuleViolation.Kind.STALE) {
        ConsentFormVersion latest = forms.latest(shown.getForm().getId());
        queue.set(position, latest.getId());
        show(position);
      }
      // A refusal keeps everything the client gave, the drawn signature included, unless the
      // signature itself is what was refused (or the form changed under them).
      if (refused.kind() == RuleViolation.Kind.STALE
          || refused.fieldProblems().containsKey("signature")) {
        signature = null;
      }
      Messages.refused(refused, "consent");
    }
  }

  /** A staff member countersigns as witness on the tablet. */
  @ShowsRuleViolations(form = "consent")
  public void witness() {
    if (phase != Phase.WITNESS) {
      return;
    }
    String typed = witnessPassword;
    witnessPassword = null;
    StaffAccount witness =
        kiosks.confirmOnTablet(
            request, witnessUsername, typed, "Unknown username or wrong password.");
    consents.witness(awaitingWitness, witness, CurrentActor.anonymous(request));
    awaitingWitness = null;
    show(position + 1);
  }

  /**
   * After signing, the client has the sealed PDFs of what they signed here e-mailed to the address
   * they confirm on the tablet.
   */
  @ShowsRuleViolations(form = "consent")
  public void sendCopy() {
    if (phase != Phase.DONE || clientId == null) {
      return;
    }
    copySentTo = copies.emailConsents(clientId, List.copyOf(signedHere), copyAddress);
  }

  /** Whether the clinic can e-mail the client a copy (a mail server is configured). */
  public boolean isCopyByEmail() {
    return copies.available();
  }

  public boolean isSignedAnything() {
    return !signedHere.isEmpty();
  }

  public String getCopyAddress() {
    return copyAddress;
  }

  public void setCopyAddress(String copyAddress) {
    this.copyAddress = copyAddress;
  }

  public String getCopySentTo() {
    return copySentTo;
  }

  /** The client would rather sign on paper. */
  public void askForPaper() {
    if (phase != Phase.SIGN || !stillHandedOver()) {
      return;
    }
    consents.recordPaperRequest(clientId);
    kiosks.finish(request);
    phase = Phase.PAPER;
  }

  /** Staff take the tablet back with their password. */
  @ShowsRuleViolations
  public void unlock() throws IOException {
    String typed = staffPassword;
    staffPassword = null;
    KioskSession ended = kiosks.unlock(request, typed);
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(
        external.getRequestContextPath()
            + "/staff/clients/client.xhtml?id="
            + ended.clientId()
            + "&tab=consents");
  }

  private boolean stillHandedOver() {
    boolean handedOver =
        kiosks.current(request).filter(k -> !k.finished() && k.clientId() == clientId).isPresent();
    if (!handedOver) {
      phase = Phase.LOCKED;
    }
    return handedOver;
  }

  /** Whether this browser is in kiosk mode at all, finished or not: staff can then take it back. */
  public boolean isHandedOver() {
    return kiosks.current(request).isPresent();
  }

  /** "Form 2 of 3". */
  public String getProgress() {
    return "Form " + (position + 1) + " of " + queue.size();
  }

  public int getProgressPercent() {
    return queue.isEmpty() ? 100 : 100 * position / queue.size();
  }

  public Phase getPhase() {
    return phase;
  }

  public String getFirstName() {
    return firstName;
  }

  public boolean isMinor() {
    return minor;
  }

  public ConsentFormVersion getShown() {
    return shown;
  }

  public Map<String, Boolean> getTicked() {
    return ticked;
  }

  public Map<String, String> getChoices() {
    return choices;
  }

  public String getTypedName() {
    return typedName;
  }

  public void setTypedName(String typedName) {
    this.typedName = typedName;
  }

  public String getGuardianRelationship() {
    return guardianRelationship;
  }

  public void setGuardianRelationship(String relationship) {
    this.guardianRelationship = relationship;
  }

  public String getSignature() {
    return signature;
  }

  public void setSignature(String signature) {
    this.signature = signature;
  }

  public String getWitnessUsername() {
    return witnessUsername;
  }

  public void setWitnessUsername(String witnessUsername) {
    this.witnessUsername = witnessUsername;
  }

  public String getWitnessPassword() {
    return witnessPassword;
  }

  public void setWitnessPassword(String witnessPassword) {
    this.witnessPassword = witnessPassword;
  }

  public String getStaffPassword() {
    return staffPassword;
  }

  public void setStaffPassword(String staffPassword) {
    this.staffPassword = staffPassword;
  }
}
