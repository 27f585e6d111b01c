package org.myochart.client.web;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.Optional;
import org.myochart.client.Client;
import org.myochart.client.Clients;

/** The client a page is about, or the 404 page when the id in the address names nobody. */
public final class ClientLookup {

  private ClientLookup() {}

  public static Optional<Client> orNotFound(Clients clients, Long clientId) throws IOException {
    Optional<Client> client = clientId == null ? Optional.empty() : clients.find(clientId);
    if (client.isEmpty()) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(404, "There is no such client.");
      faces.responseComplete();
    }
    return client;
  }
}
