package org.myochart.client;

/** Who typed the answers: staff at a desk or the client on the kiosk tablet. */
public enum IntakeSource {
  STAFF,
  KIOSK
}
