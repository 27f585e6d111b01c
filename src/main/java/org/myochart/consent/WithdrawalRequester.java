package org.myochart.consent;

/** Whose decision a withdrawal was. */
public enum WithdrawalRequester {
  CLIENT("The client"),
  STAFF("The clinic");

  private final String label;

  WithdrawalRequester(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
