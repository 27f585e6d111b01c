package org.myochart.client;

/**
 * Who may read or add to a client's clinical record: intakes, clearances and visit checks ask
 * before they do anything. The rule belongs to the caseload package ({@code Caseloads}), which
 * reads clients; asking through this interface keeps the client package from depending on it in
 * turn.
 */
public interface ClinicalRecordAccess {

  /** Refuses (and records the refusal) unless the person acting may open the client's record. */
  void require(long clientId);

  /** Refuses unless the request comes from the tablet handed to this client. */
  void requireTabletOf(long clientId);
}
