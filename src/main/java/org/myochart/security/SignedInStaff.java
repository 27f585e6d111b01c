package org.myochart.security;

import java.io.Serializable;

/** What the HTTP session remembers about who signed in; serializable for session replication. */
public record SignedInStaff(long accountId, String username, String displayName, Role role)
    implements Serializable {

  public static final String SESSION_ATTRIBUTE = "org.myochart.security.signedIn";

  static SignedInStaff of(StaffAccount account) {
    return new SignedInStaff(
        account.getId(), account.getUsername(), account.getDisplayName(), account.getRole());
  }
}
