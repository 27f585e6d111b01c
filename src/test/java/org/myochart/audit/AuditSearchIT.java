package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.Intakes;
import org.myochart.consent.ConsentForms;
import org.myochart.consent.Consents;
import org.myochart.platform.ClinicSettings;
import org.myochart.security.StaffAccounts;
import org.myochart.staff.Role;
import org.myochart.testsupport.Deployments;
import org.myochart.testsupport.InTheContainer;
import org.myochart.testsupport.TreatableClients;
import org.myochart.treatment.SessionKind;
import org.myochart.treatment.SoapNote;
import org.myochart.treatment.SoapNotes;

/** The owner's searches of the audit trail and its CSV, in Payara Micro on the real database. */
@InTheContainer
class AuditSearchIT {

  private static final String PASSWORD = "level breathing 2026";

  @Deployment
  static WebArchive deployment() {
    return Deployments.clinic(AuditSearchIT.class);
  }

  @Inject TreatableClients treatable;
  @Inject AuditSearch search;
  @Inject AuditTrail audit;
  @Inject Clients clients;
  @Inject Intakes intakes;
  @Inject Consents consents;
  @Inject ConsentForms forms;
  @Inject SoapNotes notes;
  @Inject StaffAccounts staff;
  @Inject ClinicSettings settings;

  /** A record type no other test writes, so that searches for it see only this test's entries. */
  private static String probeType() {
    return "Probe" + UUID.randomUUID().toString().replace("-", "");
  }

  private static Actor actor(String name) {
    return new Actor(name, Role.OWNER, "10.0.0.5", "AuditSearchIT");
  }

  private List<AuditLine> find(AuditFilter filter) {
    List<AuditLine> found =
        search.page(filter, 0, AuditSearch.LARGEST_PAGE, AuditOrder.NEWEST_FIRST);
    assertEquals(search.count(filter), found.size(), "one page holds every match");
    return found;
  }

  private static AuditFilter filter(
      String staff, Long client, String action, String from, String to, String type, String id) {
    return AuditFilter.of(
        staff, client == null ? null : client.toString(), action, from, to, type, id);
  }

  private Client treatableClient(String therapist) {
    return treatable.register("Runa", "Au", therapist);
  }

  @Test
  void aClientsHistoryHoldsItsOwnEntriesAndThoseOfItsIntakesConsentsSessionsAndNotes() {
    String therapist = "t" + UUID.randomUUID().toString().substring(0, 8);
    staff.create(therapist, "Therapist " + therapist, Role.THERAPIST, PASSWORD, false);
    Client client = treatableClient(therapist);
    Client other = treatableClient(therapist);
    AtomicReference<SoapNote> started = new AtomicReference<>();
    CurrentActor.actAs(
        new Actor(therapist, Role.THERAPIST, null, null),
        () ->
            started.set(
                notes.startSession(
                    client.getId(),
                    SessionKind.ASSESSMENT,
                    new SoapNotes.TodaysCheck(false, false, Set.of()),
                    therapist)));
    SoapNote note = started.get();
    CurrentActor.actAs(actor("owner"), () -> notes.open(note.getId()));
    String kiosk = UUID.randomUUID().toString();
    audit.recordDetailAs(
        actor(therapist),
        AuditAction.KIOSK_START,
        "KioskSession",
        kiosk,
        new org.myochart.security.KioskHandOver(client.getId(), "INTAKE"));
    audit.recordAs(
        new Actor(
            "kiosk:client-" + client.getId() + " (started by " + therapist + ")",
            Role.KIOSK,
            null,
            null),
        AuditAction.ACCESS_DENIED,
        "Page",
        "/staff/dashboard.xhtml",
        null);
    audit.recordAs(
        actor("owner"), AuditAction.VIEW, "HealthIntake", "client:" + client.getId(), null);

    List<AuditLine> found = find(filter(null, client.getId(), null, null, null, null, null));
    java.util.Set<String> kinds = new java.util.HashSet<>();
    found.forEach(line -> kinds.add(line.action() + " " + line.recordType()));
    for (String expected :
        List.of(
            "CREATE Client",
            "CREATE HealthIntake",
            "SIGN Consent",
            "CREATE SealedRecord",
            "CREATE TreatmentSession",
            "VIEW SoapNote",
            "KIOSK_START KioskSession",
            "ACCESS_DENIED Page",
            "VIEW HealthIntake")) {
      assertTrue(kinds.contains(expected), expected + " missing from " + kinds);
    }
    assertTrue(
        found.stream()
            .anyMatch(
                l ->
                    l.recordType().equals("SoapNote")
                        && l.recordId().equals(note.getId().toString())));
    assertTrue(
        found.stream()
            .noneMatch(
                l ->
                    "Client".equals(l.recordType())
                        && l.recordId().equals(other.getId().toString())),
        "the other client's entries stay out");
    List<AuditLine> otherFound = find(filter(null, other.getId(), null, null, null, null, null));
    assertTrue(
        otherFound.stream().noneMatch(l -> found.stream().anyMatch(f -> f.id() == l.id())),
        "no entry belongs to both clients");
    for (int i = 1; i < found.size(); i++) {
      assertTrue(found.get(i - 1).id() > found.get(i).id(), "newest first");
    }

    List<AuditLine> signatures = find(filter(null, client.getId(), "SIGN", null, null, null, null));
    assertFalse(signatures.isEmpty());
    assertTrue(
        signatures.stream()
            .allMatch(l -> l.action().equals("SIGN") && l.recordType().equals("Consent")));
  }

  @Test
  void aStaffMembersEntriesIncludeTheKioskSessionsTheyStartedButNotSimilarNames() {
    String username = "s" + UUID.randomUUID().toString().substring(0, 8);
    String type = probeType();
    audit.recordAs(actor(username), AuditAction.CREATE, type, 1, null);
    audit.recordAs(actor(username), AuditAction.CHANGE, type, 1, null);
    audit.recordAs(
        new Actor("kiosk:client-4 (started by " + username + ")", Role.KIOSK, null, null),
        AuditAction.SIGN,
        type,
        2,
        null);
    audit.recordAs(actor(username + "x"), AuditAction.CHANGE, type, 1, null);
    audit.recordAs(
        new Actor("kiosk:client-4 (started by " + username + "x)", Role.KIOSK, null, null),
        AuditAction.SIGN,
        type,
        3,
        null);

    List<AuditLine> found = find(filter(username, null, null, null, null, type, null));
    assertEquals(
        List.of("SIGN", "CHANGE", "CREATE"), found.stream().map(AuditLine::action).toList());
    assertEquals(3, find(filter(username, null, null, null, null, null, null)).size());
    assertEquals(1, find(filter(username, null, "CHANGE", null, null, null, null)).size());
  }

  @Test
  void actionRecordAndDaysNarrowTheResult() {
    String type = probeType();
    audit.recordAs(actor("owner"), AuditAction.CREATE, type, 7, "{\"a\":1}");
    audit.recordAs(actor("owner"), AuditAction.CHANGE, type, 7, "{\"a\":2}");
    audit.recordAs(actor("owner"), AuditAction.CHANGE, type, 8, null);
    LocalDate today = LocalDate.now(settings.zone());

    assertEquals(3, find(filter(null, null, null, null, null, type, null)).size());
    assertEquals(2, find(filter(null, null, null, null, null, type, "7")).size());
    assertEquals(2, find(filter(null, null, "CHANGE", null, null, type, null)).size());
    List<AuditLine> one = find(filter(null, null, "CHANGE", null, null, type, "7"));
    assertEquals(1, one.size());
    assertEquals("{\"a\":2}", one.get(0).detail());
    assertEquals(
        3, find(filter(null, null, null, today.toString(), today.toString(), type, null)).size());
    assertEquals(
        0, find(filter(null, null, null, today.plusDays(1).toString(), null, type, null)).size());
    assertEquals(
        0, find(filter(null, null, null, null, today.minusDays(1).toString(), type, null)).size());
  }

  @Test
  void resultsComeAPageAtATimeNewestFirstAndAreCountedWhole() {
    String type = probeType();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(0, audit.recordAs(actor("owner"), AuditAction.VIEW, type, i, null).getId());
    }
    AuditFilter filter = filter(null, null, null, null, null, type, null);

    assertEquals(7, search.count(filter));
    assertEquals(ids.subList(0, 3), idsOf(search.page(filter, 0, 3, AuditOrder.NEWEST_FIRST)));
    assertEquals(ids.subList(3, 6), idsOf(search.page(filter, 3, 3, AuditOrder.NEWEST_FIRST)));
    assertEquals(ids.subList(6, 7), idsOf(search.page(filter, 6, 3, AuditOrder.NEWEST_FIRST)));
    List<Long> oldestFirst = new ArrayList<>(ids);
    java.util.Collections.reverse(oldestFirst);
    assertEquals(
        oldestFirst.subList(0, 3),
        idsOf(search.page(filter, 0, 3, new AuditOrder(AuditOrder.By.TIME, true))));
  }

  @Test
  void entriesSortByTheActionsWordsAndByWhoActed() {
    String type = probeType();
    // Stored names order CHANGE < LOGIN_FAILED < SIGN; their labels order Changed < Sign-in failed
    // < Signed.
    long signed = audit.recordAs(actor("anna"), AuditAction.SIGN, type, 1, null).getId();
    long failed = audit.recordAs(actor("bert"), AuditAction.LOGIN_FAILED, type, 1, null).getId();
    long changed = audit.recordAs(actor("carl"), AuditAction.CHANGE, type, 1, null).getId();
    AuditFilter filter = filter(null, null, null, null, null, type, null);

    assertEquals(
        List.of(changed, failed, signed),
        idsOf(search.page(filter, 0, 10, new AuditOrder(AuditOrder.By.ACTION, true))));
    assertEquals(
        List.of(signed, failed, changed),
        idsOf(search.page(filter, 0, 10, new AuditOrder(AuditOrder.By.ACTION, false))));
    assertEquals(
        List.of(changed, failed, signed),
        idsOf(search.page(filter, 0, 10, new AuditOrder(AuditOrder.By.STAFF, false))));
    assertEquals(
        List.of(signed, failed, changed),
        idsOf(search.page(filter, 0, 10, new AuditOrder(AuditOrder.By.STAFF, true))));
  }

  @Test
  void aLineNamesTheClientItConcerns() {
    String therapist = "t" + UUID.randomUUID().toString().substring(0, 8);
    staff.create(therapist, "Therapist " + therapist, Role.THERAPIST, PASSWORD, false);
    Client client = treatableClient(therapist);
    List<AuditLine> found =
        find(filter(null, client.getId(), "CREATE", null, null, "Client", null));
    assertEquals(1, found.size());
    assertEquals(client.getId(), found.get(0).clientId());
  }

  private static List<Long> idsOf(List<AuditLine> lines) {
    return lines.stream().map(AuditLine::id).toList();
  }

  @Test
  void theCsvHoldsExactlyTheMatchesWithTheirHashesAndTheExportIsAudited() throws Exception {
    String type = probeType();
    List<AuditEntry> written = new ArrayList<>();
    written.add(
        audit.recordAs(
            actor("owner"),
            AuditAction.CREATE,
            type,
            1,
            "{\"note\":\"comma, \\\"quote\\\" and æøå\"}"));
    written.add(audit.recordAs(actor("therapist1"), AuditAction.CHANGE, type, 1, null));
    audit.recordAs(actor("owner"), AuditAction.CHANGE, probeType(), 1, null);
    AuditFilter filter = filter(null, null, null, null, null, type, null);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(2, search.export(filter, out));
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
            .getRecords();
    assertEquals(2, rows.size());
    for (int i = 0; i < 2; i++) {
      AuditEntry entry = written.get(1 - i);
      CSVRecord row = rows.get(i);
      assertEquals(entry.getId().toString(), row.get("id"));
      assertEquals(entry.getEntryHash(), row.get("entry_hash"));
      assertEquals("", row.get("previous_hash"), "only entries from before ADR-058 name one");
      assertEquals(entry.getActor(), row.get("actor"));
      assertEquals(entry.getAction().name(), row.get("action"));
      assertEquals(entry.getOccurredAt().toString(), row.get("occurred_at"));
    }
    assertEquals("{\"note\":\"comma, \\\"quote\\\" and æøå\"}", rows.get(1).get("detail"));

    AuditEntry exported = audit.latest(1).get(0);
    assertEquals(AuditAction.EXPORT, exported.getAction());
    assertEquals(AuditSearch.RECORD_TYPE, exported.getRecordType());
    assertEquals(filter.describe(), exported.getDetail());
    assertTrue(exported.getId() > written.get(1).getId());
  }

  @Test
  void aSearchIsRecordedAsOneViewWithItsFilter() {
    AuditFilter filter = filter(null, null, "SIGN", null, null, probeType(), null);
    search.recordView(filter);
    AuditEntry latest = audit.latest(1).get(0);
    assertEquals(AuditAction.VIEW, latest.getAction());
    assertEquals(AuditSearch.RECORD_TYPE, latest.getRecordType());
    assertEquals(filter.describe(), latest.getDetail());
  }
}
