package org.myochart.treatment;

import java.io.Serializable;
import java.time.Instant;

/** A client on a work list with the start of their latest session; read by a JPQL constructor. */
public record RecentClient(Long clientId, String firstName, String lastName, Instant lastSession)
    implements Serializable {

  public String name() {
    return firstName + " " + lastName;
  }
}
