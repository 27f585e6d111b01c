package org.myochart.client.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.myochart.client.Client;
import org.myochart.client.ClientDetails;
import org.myochart.client.Clients;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Messages;

/** Registers a client or changes their details. */
@Named
@ViewScoped
public class ClientEditPage implements Serializable {

  @Inject Clients clients;

  private Long id;
  private long version;
  private String firstName;
  private String lastName;
  private LocalDate dateOfBirth;
  private String phone;
  private String email;
  private String emergencyContactName;
  private String emergencyContactPhone;
  private String preferredLanguage;
  private String physicianName;
  private String physicianContact;
  private String notes;
  private boolean lookalike;
  private List<Client> possibleDuplicates = List.of();
  private boolean differentPerson;
  // Kept in the form (a hidden field), not only in this bean: a repeated post of the same form
  // restores a fresh bean, but sends the same id.
  private String submissionId;

  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (id == null) {
      return;
    }
    var client = clients.find(id);
    if (client.isEmpty()) {
      faces.getExternalContext().responseSendError(404, "There is no client " + id + ".");
      faces.responseComplete();
      return;
    }
    show(client.get());
  }

  public String save() {
    ClientDetails details =
        new ClientDetails(
            firstName,
            lastName,
            dateOfBirth,
            phone,
            email,
            emergencyContactName,
            emergencyContactPhone,
            preferredLanguage,
            physicianName,
            physicianContact,
            notes);
    if (id == null && !differentPerson) {
      possibleDuplicates = clients.possibleDuplicates(details, getSubmissionId());
      if (!possibleDuplicates.isEmpty()) {
        Messages.error(
            "This may be a client we already have: check the "
                + (possibleDuplicates.size() == 1
                    ? "record"
                    : possibleDuplicates.size() + " records")
                + " below. Nothing was registered yet.");
        return null;
      }
    }
    try {
      Client saved;
      if (id == null) {
        saved = clients.registerOnce(details, getSubmissionId());
        Messages.flash(
            saved.getFullName()
                + " was registered."
                + (saved.isPossibleDuplicate()
                    ? " Another client has the same name and date of birth: check that this is not the same person."
                    : ""));
      } else {
        saved = clients.update(id, version, details);
        Messages.flash("Changes to " + saved.getFullName() + " were saved.");
      }
      return "/staff/clients/client.xhtml?faces-redirect=true&id=" + saved.getId();
    } catch (RuleViolation refused) {
      Messages.refused(refused, "client");
      // Looked up once here, not on every render: the warning matters only on the re-shown form.
      lookalike =
          details.firstName() != null
              && details.lastName() != null
              && details.dateOfBirth() != null
              && !clients.sameNameAndBirth(details, id).isEmpty();
      return null;
    }
  }

  /** "This is a different person": registers despite the possible duplicates shown. */
  public String registerAnyway() {
    differentPerson = true;
    return save();
  }

  /** Clients who may be the person being registered, found before anything was created. */
  public List<Client> getPossibleDuplicates() {
    return possibleDuplicates;
  }

  /** Someone else has the same name and date of birth; found when a save was refused. */
  public boolean isLookalike() {
    return lookalike;
  }

  private void show(Client c) {
    id = c.getId();
    version = c.getVersion();
    firstName = c.getFirstName();
    lastName = c.getLastName();
    dateOfBirth = c.getDateOfBirth();
    phone = c.getPhone();
    email = c.getEmail();
    emergencyContactName = c.getEmergencyContactName();
    emergencyContactPhone = c.getEmergencyContactPhone();
    preferredLanguage = c.getPreferredLanguage();
    physicianName = c.getPhysicianName();
    physicianContact = c.getPhysicianContact();
    notes = c.getNotes();
  }

  /** The registration form's one-time id, made when the form is first shown. */
  public String getSubmissionId() {
    if (submissionId == null) {
      submissionId = UUID.randomUUID().toString();
    }
    return submissionId;
  }

  public void setSubmissionId(String submissionId) {
    this.submissionId = submissionId;
  }

  public boolean isNew() {
    return id == null;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String v) {
    firstName = v;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String v) {
    lastName = v;
  }

  public LocalDate getDateOfBirth() {
    return dateOfBirth;
  }

  public void setDateOfBirth(LocalDate v) {
    dateOfBirth = v;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String v) {
    phone = v;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String v) {
    email = v;
  }

  public String getEmergencyContactName() {
    return emergencyContactName;
  }

  public void setEmergencyContactName(String v) {
    emergencyContactName = v;
  }

  public String getEmergencyContactPhone() {
    return emergencyContactPhone;
  }

  public void setEmergencyContactPhone(String v) {
    emergencyContactPhone = v;
  }

  public String getPreferredLanguage() {
    return preferredLanguage;
  }

  public void setPreferredLanguage(String v) {
    preferredLanguage = v;
  }

  public String getPhysicianName() {
    return physicianName;
  }

  public void setPhysicianName(String v) {
    physicianName = v;
  }

  public String getPhysicianContact() {
    return physicianContact;
  }

  public void setPhysicianContact(String v) {
    physicianContact = v;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String v) {
    notes = v;
  }
}
