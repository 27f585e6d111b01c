package org.myochart.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which client an audit entry concerns, from its record type and id: the client itself, one of the
 * client's lists ({@code client:<id>}), or one of the client's records, looked up by primary key.
 * The same rules fill the column for older entries in migration V14 (ADR-047).
 */
@ApplicationScoped
class ConcernedClients {

  /** Record types written with the client's own id. */
  private static final List<String> THE_CLIENT =
      List.of("Client", "ClientChart", "ReferralLetter", "FhirBundle");

  /** The query for the client of one record, by record type. */
  private static final Map<String, String> OWNER_OF =
      Map.of(
          "HealthIntake",
          "select client_id from health_intake where id = ?1",
          "MedicalClearance",
          "select client_id from medical_clearance where id = ?1",
          "VisitCheck",
          "select client_id from visit_check where id = ?1",
          RecordKind.CONSENT.typeName(),
          "select client_id from consent where id = ?1",
          "TreatmentPlan",
          "select client_id from treatment_plan where id = ?1",
          "TreatmentSession",
          "select client_id from treatment_session where id = ?1",
          RecordKind.SOAP_NOTE.typeName(),
          "select client_id from soap_note where id = ?1",
          RecordKind.NOTE_ADDENDUM.typeName(),
          "select n.client_id from note_addendum d join soap_note n on n.id = d.note_id where d.id = ?1",
          "SealedRecord",
          "select client_id from sealed_record where id = ?1");

  private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");
  private static final Pattern CLIENT_LIST = Pattern.compile("client:(\\d{1,18})");

  @PersistenceContext EntityManager em;

  Long of(String recordType, String recordId) {
    if (recordType == null || recordId == null) {
      return null;
    }
    Matcher list = CLIENT_LIST.matcher(recordId);
    if (list.matches()) {
      return Long.valueOf(list.group(1));
    }
    if (!NUMBER.matcher(recordId).matches()) {
      return null;
    }
    if (THE_CLIENT.contains(recordType)) {
      return Long.valueOf(recordId);
    }
    String query = OWNER_OF.get(recordType);
    if (query == null) {
      return null;
    }
    List<?> owner =
        em.createNativeQuery(query).setParameter(1, Long.parseLong(recordId)).getResultList();
    return owner.isEmpty() || owner.get(0) == null ? null : ((Number) owner.get(0)).longValue();
  }
}
