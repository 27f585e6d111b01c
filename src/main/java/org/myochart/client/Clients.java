package org.myochart.client;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.validation.RefusesInvalidInput;

/** Registers, finds and updates the clinic's clients. */
@ApplicationScoped
@Transactional
@RefusesInvalidInput
public class Clients {

  public static final String RECORD_TYPE = "Client";

  /** Searches and lists of clients, audited once per request. */
  public static final String LIST_RECORD_TYPE = "ClientList";

  public static final int LARGEST_PAGE = 100;

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject ClinicSettings settings;

  public record Page(List<Client> clients, long total) {}

  private static final Pattern SUBMISSION_ID = Pattern.compile("[0-9a-f-]{36}");

  // Calls through the container, so that each registration attempt gets its own transaction.
  @Inject Clients self;

  /**
   * Registers a client; one with the same name and date of birth as another is flagged, not
   * refused.
   */
  public Client register(@Valid ClientDetails details) {
    return register(details, null);
  }

  /**
   * Registers a client from a form that carries a one-time submission id: the same form sent again
   * returns the client it registered instead of registering another. Repeats sent at the same
   * moment all try to insert; the unique submission id lets one through, the others then find it.
   * Each attempt is its own transaction, so a refused insert does not spoil the lookup after it.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Client registerOnce(@Valid ClientDetails details, String submissionId) {
    if (submissionId == null || !SUBMISSION_ID.matcher(submissionId).matches()) {
      throw RuleViolation.invalid("The registration form is incomplete; reload it and save again.");
    }
    RuntimeException refused = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<Client> earlier = bySubmission(submissionId);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      try {
        return self.register(details, submissionId);
      } catch (PersistenceException | TransactionalException raced) {
        // Another copy of this form was inserting the same submission id; look again.
        refused = raced;
      }
    }
    throw refused;
  }

  /** Registers a client with the submission id of the form it came from (null if none). */
  public Client register(@Valid ClientDetails details, String submissionId) {
    boolean duplicate = !sameNameAndBirth(details, null).isEmpty();
    Client client = new Client(details, duplicate, clock.instant(), submissionId);
    em.persist(client);
    em.flush();
    audit.record(
        AuditAction.CREATE,
        RECORD_TYPE,
        client.getId(),
        JSON.createObjectBuilder()
            .add("after", snapshot(client))
            .add("possibleDuplicate", duplicate)
            .build()
            .toString());
    return client;
  }

  private Optional<Client> bySubmission(String submissionId) {
    return em.createQuery("select c from Client c where c.submissionId = :s", Client.class)
        .setParameter("s", submissionId)
        .getResultStream()
        .findFirst();
  }

  public Client update(long id, long seenVersion, @Valid ClientDetails details) {
    Client client = current(id, seenVersion);
    JsonObjectBuilder before = snapshot(client);
    client.describe(details, clock.instant());
    em.flush();
    audit.record(
        AuditAction.CHANGE,
        RECORD_TYPE,
        id,
        JSON.createObjectBuilder()
            .add("before", before)
            .add("after", snapshot(client))
            .build()
            .toString());
    return client;
  }

  public Client deactivate(long id, long seenVersion) {
    Client client = current(id, seenVersion);
    client.deactivate(clock.instant());
    em.flush();
    audit.record(AuditAction.DEACTIVATE, RECORD_TYPE, id, null);
    return client;
  }

  public Client reactivate(long id, long seenVersion) {
    Client client = current(id, seenVersion);
    client.reactivate(clock.instant());
    em.flush();
    audit.record(AuditAction.REACTIVATE, RECORD_TYPE, id, null);
    return client;
  }

  public Client confirmNotDuplicate(long id, long seenVersion) {
    Client client = current(id, seenVersion);
    client.confirmNotDuplicate(clock.instant());
    em.flush();
    audit.recordDetail(AuditAction.CHANGE, RECORD_TYPE, id, DuplicateCleared.NOT_A_DUPLICATE);
    return client;
  }

  public Optional<Client> find(long id) {
    return Optional.ofNullable(em.find(Client.class, id));
  }

  public Client get(long id) {
    return find(id).orElseThrow(() -> RuleViolation.notFound("There is no client " + id + "."));
  }

  /** The client's record for a person to read; the read is audited. */
  public Client open(long id) {
    Client client = get(id);
    audit.record(AuditAction.VIEW, RECORD_TYPE, id, null);
    return client;
  }

  /**
   * Clients who may be the person about to be registered: the same name and date of birth, or the
   * same phone number (by its digits, when it has at least six). Read before a registration, so
   * that the front desk sees them before a second record is made.
   */
  public List<Client> possibleDuplicates(ClientDetails details, String submissionId) {
    java.util.Map<Long, Client> found = new java.util.LinkedHashMap<>();
    if (submissionId != null && bySubmission(submissionId).isPresent()) {
      // This form registered its client already (a repeated post): it is no duplicate of itself.
      return List.of();
    }
    if (details.firstName() != null
        && details.lastName() != null
        && details.dateOfBirth() != null) {
      sameNameAndBirth(details, null).forEach(c -> found.put(c.getId(), c));
    }
    String digits = Client.digits(details.phone());
    if (digits != null && digits.length() >= 6) {
      em.createQuery("select c from Client c where c.phoneDigits = :d", Client.class)
          .setParameter("d", digits)
          .setMaxResults(20)
          .getResultList()
          .forEach(c -> found.putIfAbsent(c.getId(), c));
    }
    if (!found.isEmpty()) {
      // The front desk sees these clients' names: one entry, like a search that found them.
      audit.record(
          AuditAction.VIEW,
          LIST_RECORD_TYPE,
          null,
          JSON.createObjectBuilder()
              .add("possibleDuplicatesOf", "registration")
              .add("rows", found.size())
              .build()
              .toString());
    }
    return List.copyOf(found.values());
  }

  /** Other clients with the same name and date of birth. */
  public List<Client> sameNameAndBirth(ClientDetails details, Long except) {
    // Two query texts: PostgreSQL cannot type a null parameter compared with a bigint.
    TypedQuery<Client> query =
        em.createQuery(
                "select c from Client c where c.firstNameKey = :f and c.lastNameKey = :l and c.dateOfBirth = :d"
                    + (except == null ? "" : " and c.id <> :except"),
                Client.class)
            .setParameter("f", Client.key(details.firstName()))
            .setParameter("l", Client.key(details.lastName()))
            .setParameter("d", details.dateOfBirth());
    if (except != null) {
      query.setParameter("except", except);
    }
    return query.getResultList();
  }

  /** Clients matching the query, active first, by last name; {@code first} counts from zero. */
  public Page search(String query, boolean includeInactive, int first, int max) {
    ClientSearch search = ClientSearch.of(query);
    List<String> conditions = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (!includeInactive) {
      values.add(Boolean.TRUE);
      conditions.add("c.active = ?" + values.size());
    }
    search
        .dateOfBirth()
        .ifPresent(
            day -> {
              values.add(day);
              conditions.add("c.dateOfBirth = ?" + values.size());
            });
    search
        .phoneDigits()
        .ifPresent(
            digits -> {
              values.add("%" + digits + "%");
              conditions.add("c.phoneDigits like ?" + values.size());
            });
    for (String prefix : search.namePrefixes()) {
      values.add(prefix + "%");
      int at = values.size();
      conditions.add("(c.firstNameKey like ?" + at + " or c.lastNameKey like ?" + at + ")");
    }
    String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    TypedQuery<Client> rows =
        em.createQuery(
            "select c from Client c"
                + where
                + " order by c.active desc, c.lastNameKey, c.firstNameKey, c.id",
            Client.class);
    TypedQuery<Long> count = em.createQuery("select count(c) from Client c" + where, Long.class);
    for (int i = 0; i < values.size(); i++) {
      rows.setParameter(i + 1, values.get(i));
      count.setParameter(i + 1, values.get(i));
    }
    int pageSize = Math.max(1, Math.min(max, LARGEST_PAGE));
    List<Client> clients =
        rows.setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList();
    long total = count.getSingleResult();
    // A list shows clients' details too: one entry per search, with what was asked and how much was
    // shown.
    audit.record(
        AuditAction.VIEW,
        LIST_RECORD_TYPE,
        null,
        JSON.createObjectBuilder()
            .add("query", query == null ? "" : query)
            .add("inactive", includeInactive)
            .add("first", Math.max(0, first))
            .add("rows", clients.size())
            .add("total", total)
            .build()
            .toString());
    return new Page(clients, total);
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(settings.zone()));
  }

  private Client current(long id, long seenVersion) {
    Client client = get(id);
    if (client.getVersion() != seenVersion) {
      throw RuleViolation.stale("client record");
    }
    return client;
  }

  private static JsonObjectBuilder snapshot(Client client) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    ClientDetails d = client.details();
    add(json, "firstName", d.firstName());
    add(json, "lastName", d.lastName());
    add(json, "dateOfBirth", d.dateOfBirth().toString());
    add(json, "phone", d.phone());
    add(json, "email", d.email());
    add(json, "emergencyContactName", d.emergencyContactName());
    add(json, "emergencyContactPhone", d.emergencyContactPhone());
    add(json, "preferredLanguage", d.preferredLanguage());
    add(json, "physicianName", d.physicianName());
    add(json, "physicianContact", d.physicianContact());
    add(json, "notes", d.notes());
    json.add("active", client.isActive());
    return json;
  }

  private static void add(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
