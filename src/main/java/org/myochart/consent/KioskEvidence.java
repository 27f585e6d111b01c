package org.myochart.consent;

/**
 * Where a signature was given: the kiosk session on the tablet, the staff member who handed it
 * over, the device's address and browser, and the one-time id of the submitted screen.
 */
public record KioskEvidence(
    String kioskSessionId,
    String startedBy,
    String ipAddress,
    String userAgent,
    String submissionId) {

  public KioskEvidence {
    userAgent =
        userAgent != null && userAgent.length() > 500 ? userAgent.substring(0, 500) : userAgent;
    ipAddress =
        ipAddress != null && ipAddress.length() > 60 ? ipAddress.substring(0, 60) : ipAddress;
  }
}
