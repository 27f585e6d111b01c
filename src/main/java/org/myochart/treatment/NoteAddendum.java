package org.myochart.treatment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.myochart.platform.Sha256;

/** A dated, signed correction or addition to a signed note. The note itself stays as signed. */
@Entity
@Table(name = "note_addendum")
public class NoteAddendum implements Serializable {

  public static final String SIGNATURE_MEANING =
      "I add this to the signed note; the original note is unchanged.";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "note_addendum_seq")
  @SequenceGenerator(
      name = "note_addendum_seq",
      sequenceName = "note_addendum_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "note_id", updatable = false)
  private SoapNote note;

  @Column(nullable = false, updatable = false)
  private String reason;

  @Column(nullable = false, updatable = false)
  private String body;

  @Column(name = "signed_by", nullable = false, updatable = false)
  private String signedBy;

  @Column(name = "signed_name", nullable = false, updatable = false)
  private String signedName;

  @Column(name = "signed_at", nullable = false, updatable = false)
  private Instant signedAt;

  @Column(name = "signature_meaning", nullable = false, updatable = false)
  private String signatureMeaning;

  @Column(name = "content_sha256", nullable = false, updatable = false)
  private String contentSha256;

  protected NoteAddendum() {}

  NoteAddendum(
      SoapNote note,
      String reason,
      String body,
      String signedBy,
      String signedName,
      Instant signedAt) {
    this.note = note;
    this.reason = reason;
    this.body = body;
    this.signedBy = signedBy;
    this.signedName = signedName;
    this.signedAt = signedAt;
    this.signatureMeaning = SIGNATURE_MEANING;
    this.contentSha256 = Sha256.of(canonical());
  }

  /** The exact text the addendum's hash covers, attached to its sealed PDF (docs/records.md). */
  public String hashedText() {
    return canonical();
  }

  /** What the hash covers: the note's own hash, then the addendum, each part with its length. */
  String canonical() {
    StringBuilder text = new StringBuilder();
    for (String part :
        new String[] {
          "addendum",
          note.getContentSha256(),
          reason,
          body,
          signedBy,
          signedName,
          signedAt.toString(),
          signatureMeaning
        }) {
      text.append(part.length()).append(':').append(part).append('\n');
    }
    return text.toString();
  }

  public boolean contentIntact() {
    return Sha256.of(canonical()).equals(contentSha256);
  }

  public Long getId() {
    return id;
  }

  public SoapNote getNote() {
    return note;
  }

  public String getReason() {
    return reason;
  }

  public String getBody() {
    return body;
  }

  public String getSignedBy() {
    return signedBy;
  }

  public String getSignedName() {
    return signedName;
  }

  public Instant getSignedAt() {
    return signedAt;
  }

  public String getSignatureMeaning() {
    return signatureMeaning;
  }

  public String getContentSha256() {
    return contentSha256;
  }
}
