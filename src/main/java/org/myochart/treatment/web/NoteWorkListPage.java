package org.myochart.treatment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.myochart.platform.ClinicSettings;
import org.myochart.security.web.CurrentStaff;
import org.myochart.treatment.SoapNote;
import org.myochart.treatment.SoapNotes;

/** "My unsigned notes" for a therapist; for the owner also every note unsigned for too long. */
@Named
@RequestScoped
public class NoteWorkListPage {

  @Inject SoapNotes notes;
  @Inject CurrentStaff staff;
  @Inject ClinicSettings settings;

  private List<SoapNote> mine;
  private List<SoapNote> overdue;

  public List<SoapNote> getMine() {
    if (mine == null) {
      mine = notes.unsignedOf(staff.getUsername());
    }
    return mine;
  }

  public List<SoapNote> getOverdue() {
    if (overdue == null) {
      overdue =
          staff.isOwner() ? notes.unsignedLongerThan(settings.unsignedNoteAlert()) : List.of();
    }
    return overdue;
  }

  public long getAlertHours() {
    return settings.unsignedNoteAlert().toHours();
  }
}
