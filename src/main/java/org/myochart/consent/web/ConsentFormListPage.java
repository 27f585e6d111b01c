package org.myochart.consent.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.myochart.consent.ConsentForm;
import org.myochart.consent.ConsentFormVersion;
import org.myochart.consent.ConsentForms;

/** The owner's list of consent forms, each with its latest version. */
@Named
@RequestScoped
public class ConsentFormListPage {

  @Inject ConsentForms forms;

  private List<ConsentFormVersion> latest;

  public List<ConsentFormVersion> getLatest() {
    if (latest == null) {
      latest = forms.all().stream().map((ConsentForm form) -> forms.latest(form)).toList();
    }
    return latest;
  }
}
