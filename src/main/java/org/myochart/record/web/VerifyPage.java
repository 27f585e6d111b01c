package org.myochart.record.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.myochart.audit.RecordKind;
import org.myochart.platform.web.Formats;
import org.myochart.platform.web.Messages;
import org.myochart.record.PublicVerification;
import org.myochart.record.UploadRefused;
import org.myochart.record.Verification;
import org.myochart.record.Verifications;
import org.primefaces.model.file.UploadedFile;

/**
 * The owner checks a PDF someone hands them, and decides whether auditors may do so without signing
 * in.
 */
@Named
@ViewScoped
public class VerifyPage implements Serializable {

  @Inject Verifications verifications;
  @Inject PublicVerification publicVerification;
  @Inject Formats formats;

  private transient UploadedFile file;
  private VerificationView answer;
  private Long clientId;

  public void verify() {
    answer = null;
    clientId = null;
    if (file == null || file.getSize() <= 0) {
      Messages.error("Choose the PDF file to verify.");
      return;
    }
    try {
      if (file.getSize() > Verifications.LARGEST_UPLOAD) {
        UploadRefused tooLarge =
            new UploadRefused(UploadRefused.Reason.TOO_LARGE, Verifications.TOO_LARGE);
        verifications.refusedUpload(tooLarge, Verifications.Channel.OWNER_PAGE, null);
        throw tooLarge;
      }
      Verification verified =
          verifications.verify(file.getContent(), Verifications.Channel.OWNER_PAGE);
      answer = new VerificationView(verified, formats.when(verified.signedAtInstant()));
      if (verified.recordType() != null && verified.recordId() != null) {
        clientId =
            "ClientChart".equals(verified.recordType())
                ? verified.recordId()
                : verifications.clientOf(verified.recordType(), verified.recordId()).orElse(null);
      }
    } catch (UploadRefused refused) {
      Messages.error(refused.getMessage());
    }
  }

  public void allowPublic() {
    publicVerification.switchTo(true);
    Messages.info("Auditors can now verify PDFs at /verify.xhtml without signing in.");
  }

  public void stopPublic() {
    publicVerification.switchTo(false);
    Messages.info(
        "Verification without signing in is off; /verify.xhtml now answers \"not found\".");
  }

  public boolean isPublicEnabled() {
    return publicVerification.isEnabled();
  }

  /** The page that shows the record: the consent, the note, or for addenda the client's profile. */
  public String getRecordOutcome() {
    if (answer == null || answer.getRecordType() == null) {
      return null;
    }
    return RecordKind.of(answer.getRecordType())
        .map(
            kind ->
                switch (kind) {
                  case CONSENT -> "/staff/consents/consent";
                  case SOAP_NOTE -> "/clinical/note";
                  case NOTE_ADDENDUM -> "/staff/clients/client";
                })
        .orElse("/staff/clients/client");
  }

  public Long getRecordPageId() {
    if (answer == null) {
      return null;
    }
    RecordKind kind = RecordKind.of(answer.getRecordType()).orElse(null);
    return kind == RecordKind.CONSENT || kind == RecordKind.SOAP_NOTE
        ? answer.getRecordId()
        : clientId;
  }

  public boolean isRecordLinked() {
    return getRecordOutcome() != null && getRecordPageId() != null && (clientId != null);
  }

  public VerificationView getAnswer() {
    return answer;
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }
}
