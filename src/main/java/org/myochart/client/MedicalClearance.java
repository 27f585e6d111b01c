package org.myochart.client;

import jakarta.persistence.Basic;
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
import java.time.Instant;
import java.time.LocalDate;

/**
 * A therapist's record that a physician has seen the client about their red flags and that massage
 * may go ahead. It lifts the block for every red flag reported before it was recorded.
 */
@Entity
@Table(name = "medical_clearance")
public class MedicalClearance implements java.io.Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "medical_clearance_seq")
  @SequenceGenerator(
      name = "medical_clearance_seq",
      sequenceName = "medical_clearance_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "client_id", updatable = false)
  private Client client;

  @Column(name = "physician_name", nullable = false, updatable = false)
  private String physicianName;

  @Column(name = "cleared_on", nullable = false, updatable = false)
  private LocalDate clearedOn;

  @Column(nullable = false, updatable = false)
  private String note;

  @Column(name = "recorded_by", nullable = false, updatable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Basic(fetch = FetchType.LAZY)
  @Column(updatable = false)
  private byte[] letter;

  @Column(name = "letter_content_type", updatable = false)
  private String letterContentType;

  @Column(name = "letter_file_name", updatable = false)
  private String letterFileName;

  @Column(name = "letter_sha256", updatable = false)
  private String letterSha256;

  protected MedicalClearance() {}

  MedicalClearance(
      Client client,
      String physicianName,
      LocalDate clearedOn,
      String note,
      ScannedDocument letter,
      String recordedBy,
      Instant now) {
    this.client = client;
    this.physicianName = physicianName;
    this.clearedOn = clearedOn;
    this.note = note;
    this.recordedBy = recordedBy;
    this.recordedAt = now;
    if (letter != null) {
      this.letter = letter.content();
      this.letterContentType = letter.contentType();
      this.letterFileName = letter.fileName();
      this.letterSha256 = letter.sha256();
    }
  }

  public Long getId() {
    return id;
  }

  public Client getClient() {
    return client;
  }

  public String getPhysicianName() {
    return physicianName;
  }

  public LocalDate getClearedOn() {
    return clearedOn;
  }

  public String getNote() {
    return note;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public boolean isLetterAttached() {
    return letterSha256 != null;
  }

  public byte[] letter() {
    return letter == null ? null : letter.clone();
  }

  public String getLetterContentType() {
    return letterContentType;
  }

  public String getLetterFileName() {
    return letterFileName;
  }

  public String getLetterSha256() {
    return letterSha256;
  }
}
