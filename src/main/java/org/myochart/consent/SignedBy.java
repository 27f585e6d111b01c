package org.myochart.consent;

/** The person who signed: the client, or their guardian with the relationship they stated. */
public record SignedBy(String name, SignerRole role, String guardianRelationship) {

  public static SignedBy client(String name) {
    return new SignedBy(name, SignerRole.CLIENT, null);
  }

  public static SignedBy guardian(String name, String relationship) {
    return new SignedBy(name, SignerRole.GUARDIAN, relationship);
  }
}
