package org.myochart.client.web;

import java.util.Map;
import org.myochart.client.ScannedDocument;
import org.myochart.platform.RuleViolation;
import org.primefaces.model.file.UploadedFile;

/** Turns an uploaded scan into a {@link ScannedDocument}, refusing it on the form's field. */
public final class Uploads {

  private Uploads() {}

  /** The scan, or null when nothing was uploaded; a refused file names the field. */
  public static ScannedDocument scan(UploadedFile file, String field) {
    if (file == null || file.getSize() <= 0) {
      return null;
    }
    try {
      ScannedDocument.requireAcceptableSize(file.getSize());
      return ScannedDocument.of(file.getFileName(), file.getContent());
    } catch (IllegalArgumentException refused) {
      throw RuleViolation.invalidFields(Map.of(field, refused.getMessage()));
    }
  }
}
