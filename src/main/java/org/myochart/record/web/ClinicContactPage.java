package org.myochart.record.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;
import org.myochart.record.ClinicContact;
import org.myochart.record.ClinicContacts;

/**
 * The owner's page for the clinic's address, phone and licence numbers, as every record sealed
 * afterwards prints them. The rules live in {@link ClinicContacts}.
 */
@Named
@ViewScoped
public class ClinicContactPage implements Serializable {

  @Inject ClinicContacts contacts;
  @Inject ClinicSettings settings;

  private String address;
  private String phone;
  private String licences;
  private Long version;
  private String letterhead;

  @PostConstruct
  void load() {
    var saved = contacts.saved();
    if (saved.isPresent()) {
      show(saved.get());
    } else {
      // Until saved here, what the environment gives, as records print it now.
      address = settings.clinicAddress().orElse(null);
      phone = settings.clinicPhone().orElse(null);
      licences = settings.clinicLicences().orElse(null);
      version = null;
    }
    letterhead = contacts.letterhead();
  }

  private void show(ClinicContact contact) {
    address = contact.getAddress();
    phone = contact.getPhone();
    licences = contact.getLicences();
    version = contact.getVersion();
  }

  @ShowsRuleViolations(form = "contact")
  public void save() {
    show(contacts.save(address, phone, licences, version));
    letterhead = contacts.letterhead();
    Messages.info(
        "Saved. Records sealed from now on print: "
            + letterhead
            + ". Records already sealed keep"
            + " what they printed.");
  }

  public String getClinicName() {
    return settings.clinicName();
  }

  public String getLetterhead() {
    return letterhead;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getLicences() {
    return licences;
  }

  public void setLicences(String licences) {
    this.licences = licences;
  }
}
