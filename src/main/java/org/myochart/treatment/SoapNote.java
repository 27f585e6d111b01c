package org.myochart.treatment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.myochart.client.Client;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.Sha256;

/**
 * The therapist's note of one session. While a draft it can be revised; {@link #sign} locks it for
 * good, with the signer's printed name, the time, the meaning of the signature and a SHA-256 of the
 * signed content. Corrections after that are {@link NoteAddendum}s.
 */
@Entity
@Table(name = "soap_note")
public class SoapNote implements Serializable {

  public static final String SIGNATURE_MEANING =
      "I performed this treatment and this note is a true and complete record of the session.";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "soap_note_seq")
  @SequenceGenerator(name = "soap_note_seq", sequenceName = "soap_note_seq", allocationSize = 50)
  private Long id;

  @OneToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "session_id", updatable = false)
  private TreatmentSession session;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "client_id", updatable = false)
  private Client client;

  @Column(nullable = false, updatable = false)
  private String therapist;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NoteStatus status;

  @Embedded private NoteDraft content = new NoteDraft();

  /** See {@link #keepAsTyped}: JSON of the draft as typed, or null. */
  @Column(name = "typed_draft")
  private String typedDraft;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "soap_treated_muscle", joinColumns = @JoinColumn(name = "note_id"))
  @OrderColumn(name = "position")
  private List<TreatedMuscle> treatedMuscles = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "soap_trigger_point", joinColumns = @JoinColumn(name = "note_id"))
  @OrderColumn(name = "position")
  private List<TriggerPoint> triggerPoints = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "soap_point_use", joinColumns = @JoinColumn(name = "note_id"))
  @OrderColumn(name = "position")
  private List<PointUse> pointUses = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "soap_avoided_area", joinColumns = @JoinColumn(name = "note_id"))
  @OrderColumn(name = "position")
  private List<AvoidedArea> avoidedAreas = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "soap_adverse_response", joinColumns = @JoinColumn(name = "note_id"))
  @OrderColumn(name = "position")
  private List<AdverseResponse> adverseResponses = new ArrayList<>();

  @Column(name = "signed_by")
  private String signedBy;

  @Column(name = "signed_name")
  private String signedName;

  @Column(name = "signed_at")
  private Instant signedAt;

  @Column(name = "signature_meaning")
  private String signatureMeaning;

  @Column(name = "content_sha256")
  private String contentSha256;

  /**
   * The {@link CanonicalForm} version the hash was taken over; notes signed before versions were
   * stored have 1.
   */
  @Column(name = "canonical_form", nullable = false)
  private int canonicalForm = CanonicalForm.CURRENT;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected SoapNote() {}

  SoapNote(TreatmentSession session, Instant now) {
    this.session = session;
    this.client = session.getClient();
    this.therapist = session.getTherapist();
    this.status = NoteStatus.DRAFT;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Replaces the draft's content; a signed note refuses. The draft as typed is then no longer
   * needed.
   */
  void revise(NoteDraft draft, Instant now) {
    requireDraft();
    this.typedDraft = null;
    NoteDraft copy = draft.copy();
    // The embedded part keeps only the single answers; the rows live in the note's own tables.
    for (NoteField field : NoteField.rowFields()) {
      List<NoteRow> stored = storedRows(field);
      stored.clear();
      stored.addAll(field.rowsIn(copy));
      field.rowsIn(copy).clear();
    }
    this.content = copy;
    this.updatedAt = now;
  }

  /** The note's own table for a list of rows. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<NoteRow> storedRows(NoteField field) {
    List rows =
        switch (field) {
          case TRIGGER_POINTS -> triggerPoints;
          case TREATED_MUSCLES -> treatedMuscles;
          case POINT_USES -> pointUses;
          case AVOIDED_AREAS -> avoidedAreas;
          case ADVERSE_RESPONSES -> adverseResponses;
          default -> throw new IllegalArgumentException(field + " holds one answer");
        };
    return rows;
  }

  /**
   * Keeps the draft as the therapist typed it when it cannot be stored in the note's columns yet (a
   * value out of range, a row not filled in): autosave loses nothing, and signing still refuses
   * until it is put right. A signed note refuses.
   */
  void keepAsTyped(String typedJson, Instant now) {
    requireDraft();
    this.typedDraft = typedJson;
    this.updatedAt = now;
  }

  /** The draft as last typed, when it differs from the stored content by what cannot be stored. */
  public java.util.Optional<NoteDraft> typedDraft() {
    return typedDraft == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(NoteDraft.fromJson(typedDraft));
  }

  /** Locks the note under the signer's name. A second signature is refused. */
  void sign(String username, String printedName, Instant now) {
    requireDraft();
    this.status = NoteStatus.SIGNED;
    this.signedBy = username;
    this.signedName = printedName;
    this.signedAt = now;
    this.signatureMeaning = SIGNATURE_MEANING;
    this.updatedAt = now;
    this.canonicalForm = CanonicalForm.CURRENT;
    this.contentSha256 = Sha256.of(canonical());
  }

  private void requireDraft() {
    if (status == NoteStatus.SIGNED) {
      throw RuleViolation.conflict(
          "This note was signed on "
              + signedAt
              + " and can no longer change; add an addendum instead.");
    }
  }

  /** The content as the therapist wrote it, rows included; a copy. */
  public NoteDraft content() {
    NoteDraft draft = content == null ? new NoteDraft() : content.copy();
    for (NoteField field : NoteField.rowFields()) {
      storedRows(field).forEach(row -> field.rowsIn(draft).add(row.copy()));
    }
    return draft;
  }

  /** Whether the stored content still has the hash it was signed with. */
  public boolean contentIntact() {
    return status != NoteStatus.SIGNED || Sha256.of(canonical()).equals(contentSha256);
  }

  /**
   * The signed content as JSON in a fixed order: what the hash covers and the PDF embeds. A signed
   * note is written in the {@link CanonicalForm} version it was signed with.
   */
  public String canonical() {
    return CanonicalForm.of(this, content(), canonicalForm);
  }

  public boolean isSigned() {
    return status == NoteStatus.SIGNED;
  }

  public Long getId() {
    return id;
  }

  public TreatmentSession getSession() {
    return session;
  }

  public Client getClient() {
    return client;
  }

  public String getTherapist() {
    return therapist;
  }

  public NoteStatus getStatus() {
    return status;
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

  public int getCanonicalForm() {
    return canonicalForm;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
