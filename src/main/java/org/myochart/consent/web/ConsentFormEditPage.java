package org.myochart.consent.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.myochart.consent.ConsentForm;
import org.myochart.consent.ConsentFormVersion;
import org.myochart.consent.ConsentForms;
import org.myochart.consent.FormDraft;
import org.myochart.consent.FormKind;
import org.myochart.consent.MarkdownText;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.Responses;
import org.myochart.platform.web.ShowsRuleViolations;

/**
 * The owner writes a consent form. Saving publishes a new version; earlier versions and the
 * signatures given to them stay exactly as they were.
 */
@Named
@ViewScoped
public class ConsentFormEditPage implements Serializable {

  @Inject ConsentForms forms;

  private Long id;
  private FormKind kind = FormKind.TREATMENT;
  private int seenVersionNumber;
  private long seenFormVersion;
  private boolean active = true;
  private boolean requiredForTreatment;
  private String title;
  private String body;
  private String acknowledgements;
  private String techniques;
  private Integer validityMonths = 12;
  private boolean requiresReconsent;
  private boolean requiresWitness;
  private List<ConsentFormVersion> versions = List.of();

  public void load() throws IOException {
    if (id == null) {
      return;
    }
    ConsentForm form;
    try {
      form = forms.form(id);
    } catch (RuleViolation refused) {
      Responses.sendError(404, refused.getMessage());
      return;
    }
    ConsentFormVersion latest = forms.latest(form);
    kind = form.getKind();
    seenVersionNumber = latest.getVersionNumber();
    seenFormVersion = form.getVersion();
    active = form.isActive();
    requiredForTreatment = form.isRequiredForTreatment();
    FormDraft draft = latest.toDraft();
    title = draft.title();
    body = draft.body();
    acknowledgements = String.join("\n", draft.acknowledgements());
    techniques = String.join("\n", draft.techniques());
    validityMonths = draft.validityMonths();
    requiresWitness = draft.requiresWitness();
    requiresReconsent = false;
    versions = forms.versions(id);
  }

  private FormDraft draft() {
    return new FormDraft(
        title,
        body,
        FormDraft.splitLines(acknowledgements),
        FormDraft.splitLines(techniques),
        validityMonths,
        requiresReconsent,
        requiresWitness);
  }

  @ShowsRuleViolations(form = "form")
  public String publish() {
    ConsentFormVersion published =
        id == null
            ? forms.create(null, kind, requiredForTreatment, draft())
            : forms.publish(id, seenVersionNumber, draft());
    Messages.flash(
        "Version "
            + published.getVersionNumber()
            + " of \""
            + published.getTitle()
            + "\" is published.");
    return "/owner/consent-forms.xhtml?faces-redirect=true";
  }

  /** Whether the form is in use and needed for treatment; no new version. */
  @ShowsRuleViolations(form = "form")
  public String saveSettings() {
    forms.configure(id, seenFormVersion, active, requiredForTreatment);
    Messages.flash("The form's settings were saved.");
    return "/owner/consent-forms.xhtml?faces-redirect=true";
  }

  public java.util.List<MarkdownText.Block> getPreview() {
    return MarkdownText.blocks(body);
  }

  public boolean isNew() {
    return id == null;
  }

  public FormKind[] getKinds() {
    return FormKind.values();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public FormKind getKind() {
    return kind;
  }

  public void setKind(FormKind kind) {
    this.kind = kind;
  }

  public int getSeenVersionNumber() {
    return seenVersionNumber;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public boolean isRequiredForTreatment() {
    return requiredForTreatment;
  }

  public void setRequiredForTreatment(boolean required) {
    this.requiredForTreatment = required;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getAcknowledgements() {
    return acknowledgements;
  }

  public void setAcknowledgements(String acknowledgements) {
    this.acknowledgements = acknowledgements;
  }

  public String getTechniques() {
    return techniques;
  }

  public void setTechniques(String techniques) {
    this.techniques = techniques;
  }

  public Integer getValidityMonths() {
    return validityMonths;
  }

  public void setValidityMonths(Integer validityMonths) {
    this.validityMonths = validityMonths;
  }

  public boolean isRequiresReconsent() {
    return requiresReconsent;
  }

  public void setRequiresReconsent(boolean requiresReconsent) {
    this.requiresReconsent = requiresReconsent;
  }

  public boolean isRequiresWitness() {
    return requiresWitness;
  }

  public void setRequiresWitness(boolean requiresWitness) {
    this.requiresWitness = requiresWitness;
  }

  public List<ConsentFormVersion> getVersions() {
    return versions;
  }
}
