package org.myochart.consent;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a client's consents cover treatment: one gap for each form treatment requires that has no
 * valid consent, with where the newest consent of that form stands (none when it was never signed)
 * and the sentence staff act on. Computed, never stored.
 */
public record ConsentCoverage(List<Gap> gaps) implements Serializable {

  /** The word a list shows when every required consent is valid. */
  public static final String SIGNED = "Signed";

  /** The word a list shows when a required form was never signed. */
  public static final String MISSING = "Missing";

  /**
   * A required form without a valid consent.
   *
   * @param status where the newest consent of the form stands, or null when none was signed
   */
  public record Gap(ConsentFormVersion required, ConsentStatus status, String problem)
      implements Serializable {

    public boolean neverSigned() {
      return status == null;
    }
  }

  public ConsentCoverage {
    gaps = List.copyOf(gaps);
  }

  /**
   * The gaps among the required forms (in their order), judged by the client's consents as they
   * stand, newest first.
   */
  public static ConsentCoverage of(
      List<ConsentFormVersion> required, List<ConsentStanding> newestFirst, ZoneId zone) {
    List<Gap> gaps = new ArrayList<>();
    for (ConsentFormVersion form : required) {
      List<ConsentStanding> ofForm =
          newestFirst.stream()
              .filter(
                  s ->
                      s.consent().getFormVersion().getForm().getId().equals(form.getForm().getId()))
              .toList();
      if (ofForm.stream().noneMatch(ConsentStanding::isValid)) {
        gaps.add(
            ofForm.isEmpty()
                ? new Gap(form, null, "\"" + form.getTitle() + "\" has not been signed.")
                : new Gap(form, ofForm.get(0).status(), ofForm.get(0).problem(zone)));
      }
    }
    return new ConsentCoverage(gaps);
  }

  /** Every required consent is valid: the consent side lets treatment go ahead. */
  public boolean complete() {
    return gaps.isEmpty();
  }

  public List<String> problems() {
    return gaps.stream().map(Gap::problem).toList();
  }

  /**
   * One word for a list of clients: {@value #SIGNED}, {@value #MISSING} when the first gap was
   * never signed, or where that form's newest consent stands (withdrawn, expired, ...).
   */
  public String label() {
    if (gaps.isEmpty()) {
      return SIGNED;
    }
    Gap first = gaps.get(0);
    return first.neverSigned() ? MISSING : first.status().label();
  }

  public String getLabel() {
    return label();
  }

  public boolean isComplete() {
    return complete();
  }
}
