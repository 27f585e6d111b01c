package org.myochart.client.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.treatment.ClientStanding;
import org.myochart.treatment.WorkLists;

/**
 * Finds clients by name, phone or date of birth as staff type, with where each stands: on hold and
 * why, consents, unsigned notes.
 */
@Named
@ViewScoped
public class ClientListPage implements Serializable {

  static final int SHOWN = 50;

  @Inject Clients clients;
  @Inject WorkLists workLists;

  private String query;
  private boolean includeInactive;
  private List<Client> found;
  private Map<Long, ClientStanding> standings;
  private long total;

  @PostConstruct
  void load() {
    search();
  }

  public void search() {
    Clients.Page page = clients.search(query, includeInactive, 0, SHOWN);
    found = page.clients();
    total = page.total();
    standings = workLists.standings(found);
  }

  public List<Client> getFound() {
    return found;
  }

  public ClientStanding standingOf(Client client) {
    return standings.get(client.getId());
  }

  public long getTotal() {
    return total;
  }

  public boolean isTruncated() {
    return total > found.size();
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public boolean isIncludeInactive() {
    return includeInactive;
  }

  public void setIncludeInactive(boolean includeInactive) {
    this.includeInactive = includeInactive;
  }
}
