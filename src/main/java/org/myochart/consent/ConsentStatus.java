package org.myochart.consent;

/** Where a signed consent stands today. Only {@link #VALID} lets treatment go ahead. */
public enum ConsentStatus {
  VALID("Valid"),
  AWAITING_WITNESS("Awaiting witness"),
  WITHDRAWN("Withdrawn"),
  EXPIRED("Expired"),
  SUPERSEDED("Superseded by a new version");

  private final String label;

  ConsentStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
