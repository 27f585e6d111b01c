package org.myochart.record;

/**
 * An uploaded file that cannot be verified at all, with the reason in words the uploader can act
 * on. The API answers each reason with its own status; pages show the message.
 */
public class UploadRefused extends RuntimeException {

  /** Why nothing could be verified. */
  public enum Reason {
    /** Nothing was sent. */
    EMPTY,
    /** More than the upload limit. */
    TOO_LARGE,
    /** The request did not say it carries a PDF. */
    WRONG_TYPE,
    /** The bytes are not a PDF at all. */
    NOT_PDF,
    /** The bytes start like a PDF but cannot be read as one. */
    UNREADABLE,
    /** The PDF is encrypted; sealed records never are. */
    ENCRYPTED,
    /** The PDF has no signature to verify. */
    UNSIGNED,
    /** Too many verifications from one address in a short time (public page). */
    TOO_MANY
  }

  private final Reason reason;

  public UploadRefused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
