package org.myochart.record.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import org.myochart.platform.web.Formats;
import org.myochart.platform.web.Messages;
import org.myochart.record.PublicVerification;
import org.myochart.record.UploadRefused;
import org.myochart.record.Verification;
import org.myochart.record.Verifications;
import org.primefaces.model.file.UploadedFile;

/**
 * The auditors' page: no sign-in, only while the owner allows it (otherwise "not found"). It shows
 * the seal, the record's type and number and whether it matches the stored copy; never a client's
 * name.
 */
@Named
@ViewScoped
public class PublicVerifyPage implements Serializable {

  @Inject Verifications verifications;
  @Inject PublicVerification publicVerification;
  @Inject Formats formats;

  private transient UploadedFile file;
  private VerificationView answer;

  public void load() throws IOException {
    if (!publicVerification.isEnabled()) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(404, "There is nothing at this address.");
      faces.responseComplete();
    }
  }

  public void verify() throws IOException {
    answer = null;
    if (!publicVerification.isEnabled()) {
      load();
      return;
    }
    if (file == null || file.getSize() <= 0) {
      Messages.error("Choose the PDF file to verify.");
      return;
    }
    try {
      HttpServletRequest request =
          (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
      publicVerification.admit(request.getRemoteAddr());
      if (file.getSize() > PublicVerification.LARGEST_UPLOAD) {
        UploadRefused tooLarge =
            new UploadRefused(
                UploadRefused.Reason.TOO_LARGE,
                "The file is larger than 10 MB, the most this page verifies.");
        verifications.refusedUpload(tooLarge, Verifications.Channel.PUBLIC_PAGE, null);
        throw tooLarge;
      }
      Verification verified =
          verifications.verify(file.getContent(), Verifications.Channel.PUBLIC_PAGE);
      answer = new VerificationView(verified, formats.when(verified.signedAtInstant()));
    } catch (UploadRefused refused) {
      Messages.error(refused.getMessage());
    }
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
