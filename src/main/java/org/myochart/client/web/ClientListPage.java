package org.myochart.client.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.myochart.client.Client;
import org.myochart.client.Clients;

/** Finds clients by name, phone or date of birth as staff type. */
@Named
@ViewScoped
public class ClientListPage implements Serializable {

  static final int SHOWN = 50;

  @Inject Clients clients;

  private String query;
  private boolean includeInactive;
  private List<Client> found;
  private long total;

  @PostConstruct
  void load() {
    search();
  }

  public void search() {
    Clients.Page page = clients.search(query, includeInactive, 0, SHOWN);
    found = page.clients();
    total = page.total();
  }

  public List<Client> getFound() {
    return found;
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
