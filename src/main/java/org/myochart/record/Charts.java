package org.myochart.record;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.caseload.Caseloads;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.HealthIntake;
import org.myochart.client.Intakes;
import org.myochart.client.MedicalClearance;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.Sha256;

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
  @Inject Intakes intakes;
  @Inject Caseloads caseloads;
  @Inject ClinicSettings settings;
  @Inject ClinicContacts contacts;
  @Inject ClinicSigningKey key;
  @Inject ClinicTimestampAuthority timestamps;
  @Inject AuditTrail audit;
  @Inject CurrentActor actor;
  @Inject Clock clock;

  /**
   * The current intake in full, the earlier versions in one line each, and every medical clearance:
   * what the clinic held about the client's health when the chart was issued.
   */
  private List<ChartPdf.Section> clinicalSections(long clientId) {
    List<ChartPdf.Section> sections = new java.util.ArrayList<>();
    List<HealthIntake> history = intakes.history(clientId);
    if (history.isEmpty()) {
      sections.add(
          new ChartPdf.Section("Health intake", List.of(Map.entry("Intake", "none recorded yet"))));
    } else {
      HealthIntake current = history.get(0);
      List<Map.Entry<String, String>> lines = new java.util.ArrayList<>();
      lines.add(
          Map.entry(
              "Version",
              current.getVersionNumber()
                  + ", "
                  + RecordDocuments.when(current.getSubmittedAt(), settings.zone())
                  + " by "
                  + current.getSubmittedBy()));
      current.readable().forEach((label, value) -> lines.add(Map.entry(label, value)));
      sections.add(new ChartPdf.Section("Health intake (current version)", lines));
      if (history.size() > 1) {
        sections.add(
            new ChartPdf.Section(
                "Earlier intake versions",
                history.subList(1, history.size()).stream()
                    .map(
                        earlier ->
                            Map.entry(
                                "Version " + earlier.getVersionNumber(),
                                RecordDocuments.when(earlier.getSubmittedAt(), settings.zone())
                                    + " by "
                                    + earlier.getSubmittedBy()
                                    + "; red flags: "
                                    + (earlier.getRedFlags().isEmpty()
                                        ? "none"
                                        : earlier.getRedFlags().size())))
                    .toList()));
      }
    }
    List<MedicalClearance> clearances = intakes.clearances(clientId);
    sections.add(
        new ChartPdf.Section(
            "Medical clearances",
            clearances.isEmpty()
                ? List.of(Map.entry("Clearances", "none recorded"))
                : clearances.stream()
                    .map(
                        c ->
                            Map.entry(
                                "Cleared on " + c.getClearedOn(),
                                c.getPhysicianName()
                                    + (c.getNote() == null || c.getNote().isBlank()
                                        ? ""
                                        : ": " + c.getNote())
                                    + (c.getLetterSha256() == null
                                        ? ""
                                        : " (letter SHA-256 " + c.getLetterSha256() + ")")))
                    .toList()));
    return sections;
  }

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
            contacts.letterhead(),
            new ChartPdf.ChartClient(
                clientId, client.getFullName(), client.getDateOfBirth().toString()),
            clinicalSections(clientId),
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
    var ids = JSON.createArrayBuilder();
    records.forEach(r -> ids.add(r.getRecordType() + ":" + r.getRecordId()));
    audit.record(
        AuditAction.EXPORT,
        AUDIT_TYPE,
        clientId,
        JSON.createObjectBuilder().add("records", ids).add("sha256", sha256).build().toString());
    return new ChartExport(sealed, sha256, records.size());
  }
}
