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

  /** Made with one of the clinic's own certificates while it was valid and in use. */
  public boolean isSealedByClinic() {
    return answer.sealedByClinic();
  }

  public String getSealCertificate() {
    return answer.sealCertificate();
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

  /** The clinic's seal, valid, untouched since sealing and identical to what the clinic holds. */
  public boolean isConfirmed() {
    return answer.confirmed();
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
