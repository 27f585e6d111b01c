package org.myochart.record;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.myochart.audit.Actor;
import org.myochart.audit.CurrentActor;
import org.myochart.audit.RecordKind;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.staff.Role;
import org.myochart.testsupport.TreatableClients;

/**
 * For Arquillian tests (add it to the deployment): stores a note's record sealed now with the
 * clinic's key and a given timestamp authority (PAdES B-LTA), as signing would with {@code
 * MYOCHART_TSA_URL} set, and renews it on request.
 */
@Dependent
public class RenewedRecords {

  @Inject Clients clients;
  @Inject ClinicSigningKey key;
  @Inject ArchiveTimestamps renewals;
  @Inject UserTransaction transaction;
  @PersistenceContext EntityManager em;

  /** A client registered by the owner, for the records to belong to; their id. */
  public long client(String firstName, String surnamePrefix) {
    AtomicReference<Client> client = new AtomicReference<>();
    CurrentActor.actAs(
        new Actor("owner", Role.OWNER, "127.0.0.1", "test set-up"),
        () ->
            client.set(
                clients.register(
                    TreatableClients.nameOnly(
                        firstName, surnamePrefix, LocalDate.of(1975, 3, 3)))));
    return client.get().getId();
  }

  /** A sealed note's record for the client, stored and committed. */
  public SealedRecord sealedNote(long clientId, TimestampAuthority authority) throws Exception {
    long noteId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    byte[] pdf =
        PadesSeal.seal(
            new RecordPdf()
                .add(RecordPdf.Style.TITLE, "Signed SOAP note")
                .render(
                    "Note " + noteId,
                    "Renewal Test Clinic",
                    "note-" + noteId + ".json",
                    "{\"note\":" + noteId + "}",
                    RecordPdf.utc(now)),
            key.identity(),
            "Renewal Test Clinic",
            "SOAP note signed by the therapist",
            now,
            authority);
    SealedRecord record = new SealedRecord(RecordKind.SOAP_NOTE, noteId, clientId, pdf, now);
    transaction.begin();
    em.persist(record);
    transaction.commit();
    return record;
  }

  /** Renews the record as if its timestamp expired tomorrow; the record as stored afterwards. */
  public SealedRecord renewed(SealedRecord record, TimestampAuthority authority) {
    Instant soon = record.timestampExpiresAt().orElseThrow().plus(Duration.ofDays(1));
    if (!renewals.renew(record.getId(), authority, soon)) {
      throw new IllegalStateException("Record " + record.getId() + " was not renewed");
    }
    return reloaded(record.getId());
  }

  /** The record as stored now, with its renewed copies. */
  public SealedRecord reloaded(long id) {
    em.clear();
    return em.find(SealedRecord.class, id);
  }
}
