package org.myochart.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.RecordKind;
import org.myochart.caseload.Caseloads;
import org.myochart.platform.ClinicMail;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;

/**
 * A copy for the client of what they signed (ESIGN 7001(e), UETA 8): the sealed PDFs e-mailed from
 * the tablet right after signing, to an address the client confirms there. Only the tablet handed
 * to that client asks, only for that client's consents; every delivery is audited as an export
 * naming the file and the address. Without a mail server the tablet says to ask the front desk for
 * a print.
 */
@ApplicationScoped
@Transactional
public class ClientCopies {

  /** Deliberately plain: one @, something on both sides, a dot in the domain, no spaces. */
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

  public static final int LONGEST_ADDRESS = 254;

  @jakarta.persistence.PersistenceContext jakarta.persistence.EntityManager em;
  @Inject Records records;
  @Inject Caseloads caseloads;
  @Inject ClinicMail mail;
  @Inject ClinicSettings settings;
  @Inject AuditTrail audit;

  public boolean available() {
    return mail.isConfigured();
  }

  /** E-mails the sealed PDFs of the client's consents to {@code address}; returns it as used. */
  public String emailConsents(long clientId, List<Long> consentIds, String address) {
    caseloads.requireTabletOf(clientId);
    String to = address == null ? "" : address.strip();
    if (to.isEmpty() || to.length() > LONGEST_ADDRESS || !ADDRESS.matcher(to).matches()) {
      throw RuleViolation.invalidFields(
          Map.of("copyAddress", "Give an e-mail address such as name@example.com."));
    }
    if (consentIds.isEmpty()) {
      throw RuleViolation.conflict("Nothing was signed on this tablet to send.");
    }
    List<SealedRecord> sealed = new ArrayList<>();
    for (long consentId : consentIds) {
      sealed.add(
          records
              .find(RecordKind.CONSENT, consentId)
              .filter(r -> r.getClientId() == clientId)
              .orElseThrow(
                  () ->
                      RuleViolation.conflict(
                          "The signed copy is not ready yet; ask the front desk for a print.")));
    }
    // Audited first: if the entries cannot be written nothing is sent, and a refused send rolls
    // them back, so every copy that leaves has its entry and no entry claims a copy that did not.
    for (SealedRecord record : sealed) {
      audit.recordDetail(
          AuditAction.EXPORT,
          RecordKind.CONSENT,
          record.getRecordId(),
          new CopyEmailed(record.getSha256(), to, clientId));
    }
    em.flush();
    mail.send(
        to,
        "Your signed consent" + (sealed.size() == 1 ? "" : "s") + " from " + settings.clinicName(),
        "Attached is what you signed at "
            + settings.clinicName()
            + ", as the clinic keeps it: a sealed PDF"
            + (sealed.size() == 1 ? "" : " for each form")
            + ". Keep it for your records. The seal shows whether the file was changed since"
            + " signing.\n",
        sealed.stream()
            .map(
                r ->
                    new ClinicMail.Attachment(
                        "consent-" + r.getRecordId() + ".pdf", "application/pdf", r.pdf()))
            .toList());
    return to;
  }
}
