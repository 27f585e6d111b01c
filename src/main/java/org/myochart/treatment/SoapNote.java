package org.myochart.treatment;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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
import org.myochart.consent.Sha256;
import org.myochart.platform.RuleViolation;

/**
 * The therapist's note of one session. While a draft it can be revised; {@link #sign} locks it
 * for good, with the signer's printed name, the time, the meaning of the signature and a SHA-256
 * of the signed content. Corrections after that are {@link NoteAddendum}s.
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

  @Embedded
  private NoteDraft content = new NoteDraft();

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

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private long version;

  protected SoapNote() {}

  SoapNote(TreatmentSession session, Instant now) {
    this.session = session;
    this.client = session.getClient();
    this.therapist = session.getTherapist();
    this.status = NoteStatus.DRAFT;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Replaces the draft's content; a signed note refuses. */
  void revise(NoteDraft draft, Instant now) {
    requireDraft();
    NoteDraft copy = draft.copy();
    this.treatedMuscles = new ArrayList<>(copy.getTreatedMuscles());
    this.triggerPoints = new ArrayList<>(copy.getTriggerPoints());
    this.pointUses = new ArrayList<>(copy.getPointUses());
    this.avoidedAreas = new ArrayList<>(copy.getAvoidedAreas());
    this.adverseResponses = new ArrayList<>(copy.getAdverseResponses());
    // The embedded part keeps only the single answers; the rows live in the note's own tables.
    copy.getTreatedMuscles().clear();
    copy.getTriggerPoints().clear();
    copy.getPointUses().clear();
    copy.getAvoidedAreas().clear();
    copy.getAdverseResponses().clear();
    this.content = copy;
    this.updatedAt = now;
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
    this.contentSha256 = Sha256.of(canonical());
  }

  private void requireDraft() {
    if (status == NoteStatus.SIGNED) {
      throw RuleViolation.conflict("This note was signed on " + signedAt + " and can no longer change; add an addendum instead.");
    }
  }

  /** The content as the therapist wrote it, rows included; a copy. */
  public NoteDraft content() {
    NoteDraft draft = content == null ? new NoteDraft() : content.copy();
    treatedMuscles.forEach(row -> draft.getTreatedMuscles().add(row.copy()));
    triggerPoints.forEach(row -> draft.getTriggerPoints().add(row.copy()));
    pointUses.forEach(row -> draft.getPointUses().add(row.copy()));
    avoidedAreas.forEach(row -> draft.getAvoidedAreas().add(row.copy()));
    adverseResponses.forEach(row -> draft.getAdverseResponses().add(row.copy()));
    return draft;
  }

  /** Whether the stored content still has the hash it was signed with. */
  public boolean contentIntact() {
    return status != NoteStatus.SIGNED || Sha256.of(canonical()).equals(contentSha256);
  }

  /** The signed content as JSON in a fixed order: what the hash covers and the PDF embeds. */
  public String canonical() {
    NoteDraft c = content();
    JsonObjectBuilder json = Json.createObjectBuilder()
        .add("note", String.valueOf(id))
        .add("session", String.valueOf(session.getId()))
        .add("client", String.valueOf(client.getId()))
        .add("therapist", therapist)
        .add("sessionKind", session.getKind().name())
        .add("startsAt", session.getStartsAt().toString())
        .add("endsAt", String.valueOf(session.getEndsAt()));
    JsonObjectBuilder subjective = Json.createObjectBuilder();
    put(subjective, "headacheDaysSinceLast", c.getHeadacheDaysSinceLast());
    put(subjective, "currentPain", c.getCurrentPain());
    put(subjective, "sleepQuality", c.getSleepQuality());
    put(subjective, "stressLevel", c.getStressLevel());
    put(subjective, "triggers", c.getTriggers());
    put(subjective, "medicationSinceLast", c.getMedicationSinceLast());
    put(subjective, "clientGoal", c.getClientGoal());
    put(subjective, "clientWords", c.getClientWords());
    JsonObjectBuilder objective = Json.createObjectBuilder();
    put(objective, "posture", c.getPosture());
    put(objective, "romFlexion", c.getRomFlexion());
    put(objective, "romExtension", c.getRomExtension());
    put(objective, "romRotationLeft", c.getRomRotationLeft());
    put(objective, "romRotationRight", c.getRomRotationRight());
    put(objective, "romSideBendLeft", c.getRomSideBendLeft());
    put(objective, "romSideBendRight", c.getRomSideBendRight());
    put(objective, "palpationNotes", c.getPalpationNotes());
    JsonArrayBuilder triggers = Json.createArrayBuilder();
    c.getTriggerPoints().forEach(t -> triggers.add(Json.createObjectBuilder().add("muscle", t.getMuscle())
        .add("side", t.getSide().name()).add("tenderness", t.getTenderness()).add("refersTo", String.valueOf(t.getRefersTo()))));
    objective.add("triggerPoints", triggers);
    JsonObjectBuilder treatment = Json.createObjectBuilder();
    JsonArrayBuilder muscles = Json.createArrayBuilder();
    c.getTreatedMuscles().forEach(m -> muscles.add(Json.createObjectBuilder().add("muscle", m.getMuscle())
        .add("side", m.getSide().name()).add("technique", m.getTechnique()).add("pressure", m.getPressure().name())
        .add("minutes", m.getMinutes())));
    treatment.add("muscles", muscles);
    JsonArrayBuilder points = Json.createArrayBuilder();
    c.getPointUses().forEach(p -> points.add(Json.createObjectBuilder().add("point", p.getPoint())
        .add("side", p.getSide().name()).add("appliedBy", p.getAppliedBy())));
    treatment.add("points", points);
    JsonArrayBuilder avoided = Json.createArrayBuilder();
    c.getAvoidedAreas().forEach(a -> avoided.add(Json.createObjectBuilder().add("area", a.getArea()).add("reason", a.getReason())));
    treatment.add("avoided", avoided);
    JsonObjectBuilder assessment = Json.createObjectBuilder();
    put(assessment, "painBefore", c.getPainBefore());
    put(assessment, "painAfter", c.getPainAfter());
    put(assessment, "romChange", c.getRomChange());
    put(assessment, "tolerance", c.getTolerance() == null ? null : c.getTolerance().name());
    JsonArrayBuilder adverse = Json.createArrayBuilder();
    c.getAdverseResponses().forEach(a -> adverse.add(Json.createObjectBuilder().add("description", a.getDescription())
        .add("severity", a.getSeverity().name())));
    assessment.add("adverseResponses", adverse);
    put(assessment, "progress", c.getProgress());
    JsonObjectBuilder plan = Json.createObjectBuilder();
    put(plan, "nextSession", c.getNextSession());
    put(plan, "homeCare", c.getHomeCare());
    put(plan, "referralReason", c.getReferralReason());
    json.add("subjective", subjective).add("objective", objective).add("treatment", treatment)
        .add("assessment", assessment).add("plan", plan);
    JsonObjectBuilder signature = Json.createObjectBuilder();
    put(signature, "signedBy", signedBy);
    put(signature, "signedName", signedName);
    put(signature, "signedAt", signedAt == null ? null : signedAt.toString());
    put(signature, "meaning", signatureMeaning);
    json.add("signature", signature);
    return json.build().toString();
  }

  private static void put(JsonObjectBuilder json, String name, Object value) {
    if (value == null) {
      json.addNull(name);
    } else if (value instanceof Integer number) {
      json.add(name, number);
    } else {
      json.add(name, value.toString());
    }
  }

  public boolean isSigned() {
    return status == NoteStatus.SIGNED;
  }

  public Long getId() { return id; }
  public TreatmentSession getSession() { return session; }
  public Client getClient() { return client; }
  public String getTherapist() { return therapist; }
  public NoteStatus getStatus() { return status; }
  public String getSignedBy() { return signedBy; }
  public String getSignedName() { return signedName; }
  public Instant getSignedAt() { return signedAt; }
  public String getSignatureMeaning() { return signatureMeaning; }
  public String getContentSha256() { return contentSha256; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public long getVersion() { return version; }
}
