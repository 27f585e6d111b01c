package org.myochart.consent;

/** Who put their name to the consent. */
public enum SignerRole {
  CLIENT,
  /** A parent or legal guardian signing for a client under 18. */
  GUARDIAN
}
