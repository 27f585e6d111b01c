package org.myochart.client;

/** Who typed the answers: staff at a desk or the client on the kiosk tablet. */
public enum IntakeSource {
  STAFF("Staff"),
  KIOSK("Client on the tablet");

  private final String label;

  IntakeSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
