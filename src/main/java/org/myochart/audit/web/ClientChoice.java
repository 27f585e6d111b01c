package org.myochart.audit.web;

import java.io.Serializable;
import org.myochart.client.Client;

/** A client as the audit page's client filter offers it: by name and date of birth. */
public record ClientChoice(long id, String label) implements Serializable {

  static ClientChoice of(Client client) {
    return new ClientChoice(client.getId(), label(client));
  }

  /** "Anna Bergström (born 1988-04-12)": the name, told apart from namesakes by the birthday. */
  static String label(Client client) {
    return client.getFullName() + " (born " + client.getDateOfBirth() + ")";
  }
}
