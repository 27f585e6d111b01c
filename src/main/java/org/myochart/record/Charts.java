package org.myochart.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.caseload.Caseloads;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.consent.Sha256;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;

/**
 * A client's whole signed chart as one sealed PDF, for auditors, insurers or the client. Built from
 * the stored sealed bytes on each request and not kept; each one issued is recorded by its SHA-256
 * (so that it verifies as the clinic's later) and audited.
 */
@ApplicationScoped
@Transactional
public class Charts {

  public static final String AUDIT_TYPE = SealInspection.CHART;

  /** The sealed combined PDF and what went into it. */
  public record ChartExport(byte[] pdf, String sha256, int records) {}

  @PersistenceContext EntityManager em;
  @Inject Clients clients;
  @Inject Caseloads caseloads;
  @Inject ClinicSettings settings;
  @Inject ClinicSigningKey key;
  @Inject ClinicTimestampAuthority timestamps;
  @Inject AuditTrail audit;
  @Inject CurrentActor actor;
  @Inject Clock clock;

  public ChartExport export(long clientId) {
    caseloads.requireOwnerFor(clientId, "export a client's combined chart");
    Client client = clients.get(clientId);
    List<SealedRecord> records =
        em.createQuery(
                "select r from SealedRecord r where r.clientId = :c order by r.sealedAt, r.id",
                SealedRecord.class)
            .setParameter("c", clientId)
            .getResultList();
    var now = clock.instant();
    byte[] combined =
        ChartPdf.combine(
            settings.clinicName(),
            new ChartPdf.ChartClient(
                clientId, client.getFullName(), client.getDateOfBirth().toString()),
            records,
            settings.zone(),
            now);
    byte[] sealed;
    try {
      sealed =
          PadesSeal.seal(
              combined,
              key.identity(),
              settings.clinicName(),
              "Chart of client " + clientId + " exported",
              now,
              timestamps.authority().orElse(null));
    } catch (TimestampUnavailable e) {
      throw RuleViolation.conflict(
          "The chart could not be sealed because the timestamp authority did not answer"
              + " properly; nothing was exported. Try again in a moment.");
    }
    String sha256 = Sha256.of(sealed);
    em.persist(
        new IssuedChart(sha256, clientId, now, actor.get().name(), records.size(), sealed.length));
    var ids = Json.createArrayBuilder();
    records.forEach(r -> ids.add(r.getRecordType() + ":" + r.getRecordId()));
    audit.record(
        AuditAction.EXPORT,
        AUDIT_TYPE,
        clientId,
        Json.createObjectBuilder().add("records", ids).add("sha256", sha256).build().toString());
    return new ChartExport(sealed, sha256, records.size());
  }
}
