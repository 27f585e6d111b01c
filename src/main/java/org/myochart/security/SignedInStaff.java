package org.myochart.security;

import java.io.Serializable;
import java.util.UUID;
import org.myochart.staff.Role;

/**
 * What the HTTP session remembers about who signed in; serializable for session replication.
 *
 * @param signInId tells this sign-in apart from the same person's others, so that its end is
 *     recorded once however many copies of the session end with it
 */
public record SignedInStaff(
    long accountId, String username, String displayName, Role role, String signInId)
    implements Serializable {

  public static final String SESSION_ATTRIBUTE = "org.myochart.security.signedIn";

  static SignedInStaff of(StaffAccount account) {
    return new SignedInStaff(
        account.getId(),
        account.getUsername(),
        account.getDisplayName(),
        account.getRole(),
        UUID.randomUUID().toString().substring(0, 13));
  }
}
