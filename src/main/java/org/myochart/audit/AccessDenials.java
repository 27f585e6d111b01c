package org.myochart.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.myochart.platform.AccessRefused;

/**
 * Records a refusal as {@code ACCESS_DENIED} in a transaction of its own: the refused action rolls
 * its own transaction back, and the entry must outlive it. Services call this before they throw, so
 * a refusal is audited wherever the call came from; the request remembers it, so the page or API
 * that answers the refusal (by raising {@link AccessRefused}) does not record it a second time.
 */
@ApplicationScoped
public class AccessDenials {

  static final String RECORDED = "org.myochart.audit.denialRecorded";

  @Inject AuditTrail audit;
  @Inject CurrentActor actor;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public AuditEntry record(String recordType, Object recordId, String detail) {
    return recordAndRemember(recordType, recordId, detail);
  }

  /** A refusal answered by a page or the API; recorded unless a service already recorded it. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void onRefused(@Observes AccessRefused refused) {
    if (!recordedInThisRequest()) {
      recordAndRemember(refused.recordType(), refused.recordId(), refused.detail());
    }
  }

  /** Whether a service has already recorded the refusal that this request is answering. */
  public boolean recordedInThisRequest() {
    return actor.request().map(request -> request.getAttribute(RECORDED) != null).orElse(false);
  }

  private AuditEntry recordAndRemember(String recordType, Object recordId, String detail) {
    AuditEntry entry = audit.record(AuditAction.ACCESS_DENIED, recordType, recordId, detail);
    actor.request().ifPresent(request -> request.setAttribute(RECORDED, Boolean.TRUE));
    return entry;
  }
}
