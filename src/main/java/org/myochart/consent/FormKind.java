package org.myochart.consent;

/** What a consent form is for. */
public enum FormKind {
  /** Consent to treatment; when the form is required, nobody is treated without it. */
  TREATMENT("Consent to treatment"),
  /** The disclosure a client accepts before their first electronic signature. */
  ERECORDS_DISCLOSURE("Electronic records disclosure");

  private final String label;

  FormKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
