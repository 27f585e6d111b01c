package org.myochart.record.web;

import java.io.Serializable;
import org.myochart.record.Verification;

/**
 * A verification answer as the pages word it. Expression Language 5 cannot read record components,
 * so the pages read these getters.
 */
public final class VerificationView implements Serializable {

  private final Verification answer;
  private final String signedAt;

  VerificationView(Verification answer, String signedAtInClinicZone) {
    this.answer = answer;
    this.signedAt = signedAtInClinicZone;
  }

  public boolean isSignatureValid() {
    return answer.signatureValid();
  }

  /** Untouched since sealing: one valid signature over every byte. */
  public boolean isUnchanged() {
    return answer.signatureValid() && answer.intact();
  }

  public boolean isMatchesStoredCopy() {
    return answer.matchesStoredCopy();
  }

  /** Valid, untouched since sealing and identical to the stored copy: nothing to doubt. */
  public boolean isConfirmed() {
    return answer.signatureValid() && answer.intact() && answer.matchesStoredCopy();
  }

  public String getRecord() {
    return answer.recordLabel();
  }

  public String getRecordType() {
    return answer.recordType();
  }

  public Long getRecordId() {
    return answer.recordId();
  }

  public String getSigner() {
    return answer.signer();
  }

  public String getSignedAt() {
    return signedAt;
  }

  public String getMessage() {
    return answer.message();
  }

  public String getSha256() {
    return answer.sha256();
  }
}
