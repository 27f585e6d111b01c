package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.myochart.anatomy.Side;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.audit.RecordKind;
import org.myochart.caseload.BreakGlassNeeded;
import org.myochart.caseload.Caseloads;
import org.myochart.client.Client;
import org.myochart.client.ClientDetails;
import org.myochart.client.Clients;
import org.myochart.client.Intakes;
import org.myochart.consent.ConsentForms;
import org.myochart.consent.Consents;
import org.myochart.platform.RuleViolation;
import org.myochart.security.StaffAccounts;
import org.myochart.staff.Role;
import org.myochart.testsupport.Deployments;
import org.myochart.testsupport.InTheContainer;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.TreatableClients;

/**
 * Sessions, SOAP notes, signing, addenda and who may read them, in Payara Micro on the real
 * database.
 */
@InTheContainer
class SoapNotesIT {

  private static final String PASSWORD = "steady shoulders 2026";
  private static final SoapNotes.TodaysCheck QUIET_DAY =
      new SoapNotes.TodaysCheck(false, false, Set.of());

  @Deployment
  static WebArchive deployment() {
    return Deployments.clinic(SoapNotesIT.class);
  }

  @Inject TreatableClients treatable;
  @Inject SoapNotes notes;
  @Inject Caseloads caseloads;
  @Inject Clients clients;
  @Inject Intakes intakes;
  @Inject Consents consents;
  @Inject ConsentForms forms;
  @Inject StaffAccounts staff;
  @Inject AuditTrail audit;
  @Inject org.myochart.record.Records records;
  @Inject org.myochart.platform.ClinicSettings settings;
  @PersistenceContext EntityManager em;

  private Actor therapist(Role role) {
    String username = "t" + UUID.randomUUID().toString().substring(0, 8);
    staff.create(username, "Therapist " + username, role, PASSWORD, false);
    return new Actor(username, role, "10.0.0.9", "test");
  }

  private static <T> T as(Actor actor, Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    CurrentActor.actAs(actor, () -> result.set(work.get()));
    return result.get();
  }

  private static void run(Actor actor, Runnable work) {
    CurrentActor.actAs(actor, work);
  }

  /** A client with an intake and every consent treatment needs. */
  private Client treatableClient() {
    String desk = "d" + UUID.randomUUID().toString().substring(0, 8);
    staff.create(desk, "Desk", Role.FRONT_DESK, PASSWORD, false);
    return treatable.register("Siv", "Sn", desk);
  }

  private static NoteDraft complete() {
    NoteDraft draft = new NoteDraft();
    draft.setCurrentPain(5);
    draft.setPainBefore(5);
    draft.setPainAfter(2);
    draft.setTolerance(Tolerance.GOOD);
    draft.setHeadacheDaysSinceLast(3);
    draft
        .getTreatedMuscles()
        .add(
            new TreatedMuscle(
                "upper-trapezius", Side.BOTH, "trigger-point-therapy", Pressure.MODERATE, 10));
    draft.getPointUses().add(new PointUse("GV16", Side.MIDLINE, "The therapist"));
    return draft;
  }

  @Test
  void aSessionStartsOnlyThroughTheTreatmentGate() {
    Actor therapist = therapist(Role.THERAPIST);
    Client unconsented =
        clients.register(
            new ClientDetails(
                "Una",
                Names.uniqueSurname("Sg"),
                LocalDate.of(1985, 1, 1),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    RuleViolation blocked =
        assertThrows(
            RuleViolation.class,
            () ->
                run(
                    therapist,
                    () ->
                        notes.startSession(
                            unconsented.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T")));
    assertTrue(blocked.getMessage().startsWith("Treatment cannot start:"), blocked.getMessage());

    Client client = treatableClient();
    RuleViolation acute =
        assertThrows(
            RuleViolation.class,
            () ->
                run(
                    therapist,
                    () ->
                        notes.startSession(
                            client.getId(),
                            SessionKind.FOLLOW_UP,
                            new SoapNotes.TodaysCheck(true, false, Set.of()),
                            "T")));
    assertTrue(acute.getMessage().toLowerCase().contains("acute"), acute.getMessage());

    Client another = treatableClient();
    SoapNote note =
        as(
            therapist,
            () -> notes.startSession(another.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));
    assertEquals(NoteStatus.DRAFT, note.getStatus());
    assertEquals(therapist.name(), note.getTherapist());
    RuleViolation frontDesk =
        assertThrows(
            RuleViolation.class,
            () ->
                run(
                    new Actor("desk", Role.FRONT_DESK, null, null),
                    () ->
                        notes.startSession(
                            another.getId(), SessionKind.FOLLOW_UP, QUIET_DAY, "D")));
    assertEquals(RuleViolation.Kind.FORBIDDEN, frontDesk.kind());
  }

  @Test
  void aSignedNoteRejectsEveryChangeAndKeepsItsHash() {
    Actor therapist = therapist(Role.THERAPIST);
    Client client = treatableClient();
    SoapNote started =
        as(
            therapist,
            () -> notes.startSession(client.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));
    SoapNote saved =
        as(
            therapist,
            () -> notes.saveDraft(started.getId(), started.getVersion(), complete()).note());

    RuleViolation wrongPassword =
        assertThrows(
            RuleViolation.class,
            () ->
                run(
                    therapist,
                    () ->
                        notes.sign(
                            saved.getId(), saved.getVersion(), complete(), "not the password")));
    assertTrue(wrongPassword.fieldProblems().containsKey("password"));
    assertEquals(NoteStatus.DRAFT, notes.find(saved.getId()).getStatus());

    SoapNote signed =
        as(therapist, () -> notes.sign(saved.getId(), saved.getVersion(), complete(), PASSWORD));
    String signedText = signed.canonical();
    assertEquals(NoteStatus.SIGNED, signed.getStatus());
    assertTrue(signed.getContentSha256().matches("[0-9a-f]{64}"));
    assertEquals("Therapist " + therapist.name(), signed.getSignedName());
    assertTrue(signed.getSession().getEndsAt() != null);

    NoteDraft forged = complete();
    forged.setPainAfter(0);
    assertThrows(
        RuleViolation.class,
        () -> run(therapist, () -> notes.saveDraft(signed.getId(), signed.getVersion(), forged)));
    assertThrows(
        RuleViolation.class,
        () ->
            run(
                therapist,
                () -> notes.sign(signed.getId(), signed.getVersion(), forged, PASSWORD)));
    em.clear();
    SoapNote reread = notes.find(signed.getId());
    assertEquals(2, reread.content().getPainAfter());
    assertEquals(signed.getContentSha256(), reread.getContentSha256());
    assertEquals(signedText, reread.canonical());
    assertEquals(
        CanonicalForm.CURRENT, reread.getCanonicalForm(), "the form is stored with the note");
    assertTrue(reread.contentIntact());
    var sealed =
        records.find(org.myochart.audit.RecordKind.SOAP_NOTE, signed.getId()).orElseThrow();
    assertEquals(
        org.myochart.platform.Sha256.of(sealed.pdf()),
        sealed.getSha256(),
        "the sealed PDF is stored with its hash");
    assertTrue(
        new String(sealed.pdf(), 0, 8, java.nio.charset.StandardCharsets.US_ASCII)
            .startsWith("%PDF-"));
    var signing =
        audit.forRecord(RecordKind.SOAP_NOTE, signed.getId()).stream()
            .filter(e -> e.getAction() == AuditAction.SIGN)
            .findFirst()
            .orElseThrow();
    var sealing = audit.forRecord("SealedRecord", sealed.getId()).get(0);
    assertEquals(
        signing.getId() + 1,
        sealing.getId(),
        "the seal's entry follows the signature's in the chain");
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(sealed.pdf())) {
      String text =
          new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertTrue(
          text.contains(
              java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                      signing.getOccurredAt().atZone(settings.zone()))
                  + " · SIGN · "
                  + therapist.name()),
          "the PDF prints the signature's entry as it is stored: " + text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aSecondSaveFromAnOlderScreenIsAConflictCarryingTheOtherVersion() {
    Actor therapist = therapist(Role.THERAPIST);
    Client client = treatableClient();
    SoapNote started =
        as(
            therapist,
            () -> notes.startSession(client.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));
    NoteDraft first = complete();
    first.setClientWords("first screen");
    as(therapist, () -> notes.saveDraft(started.getId(), started.getVersion(), first).note());
    NoteDraft second = complete();
    second.setClientWords("second screen");

    NoteConflict conflict =
        assertThrows(
            NoteConflict.class,
            () ->
                run(
                    therapist,
                    () -> notes.saveDraft(started.getId(), started.getVersion(), second)));
    assertEquals("first screen", conflict.theirs().content().getClientWords());
    assertEquals("first screen", notes.find(started.getId()).content().getClientWords());
    assertEquals(
        1,
        audit.forRecord(RecordKind.SOAP_NOTE, started.getId()).stream()
            .filter(e -> e.getAction() == AuditAction.CHANGE)
            .count(),
        "the refused save leaves no change entry");
  }

  @Test
  void eachSavedChangeIsAuditedWithItsBeforeAndAfterValues() {
    Actor therapist = therapist(Role.THERAPIST);
    Client client = treatableClient();
    SoapNote started =
        as(
            therapist,
            () -> notes.startSession(client.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));
    NoteDraft first = complete();
    first.setClientWords("Pressure behind the left eye");
    SoapNote saved =
        as(therapist, () -> notes.saveDraft(started.getId(), started.getVersion(), first).note());
    NoteDraft second = complete();
    second.setClientWords("Pressure behind both eyes");
    as(therapist, () -> notes.saveDraft(saved.getId(), saved.getVersion(), second));

    List<org.myochart.audit.AuditEntry> changes =
        audit.forRecord(RecordKind.SOAP_NOTE, started.getId()).stream()
            .filter(e -> e.getAction() == AuditAction.CHANGE)
            .toList();
    assertEquals(2, changes.size());
    jakarta.json.JsonObject last =
        jakarta.json.Json.createReader(
                new java.io.StringReader(
                    changes.stream()
                        .max(java.util.Comparator.comparing(org.myochart.audit.AuditEntry::getId))
                        .orElseThrow()
                        .getDetail()))
            .readObject();
    jakarta.json.JsonArray fields = last.getJsonArray("changes");
    assertEquals(1, fields.size(), last.toString());
    assertEquals(NoteField.CLIENT_WORDS.heading(), fields.getJsonObject(0).getString("field"));
    assertEquals("Pressure behind the left eye", fields.getJsonObject(0).getString("before"));
    assertEquals("Pressure behind both eyes", fields.getJsonObject(0).getString("after"));
  }

  @Test
  void aDraftBreakingARuleIsKeptAsTypedWithItsProblemsAndCannotBeSignedUntilPutRight() {
    Actor therapist = therapist(Role.THERAPIST);
    Client client = treatableClient();
    SoapNote started =
        as(
            therapist,
            () -> notes.startSession(client.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));
    SoapNote saved =
        as(
            therapist,
            () -> notes.saveDraft(started.getId(), started.getVersion(), complete()).note());

    NoteDraft bad = complete();
    bad.setPainBefore(11);
    bad.setRomFlexion(500);
    bad.setClientWords("Typed while a row was still empty");
    bad.getTreatedMuscles()
        .add(new TreatedMuscle(null, Side.LEFT, "trigger-point-therapy", Pressure.LIGHT, 0));
    bad.getPointUses().add(new PointUse("GV16", Side.LEFT, "T"));
    SoapNotes.DraftSaved kept =
        as(therapist, () -> notes.saveDraft(saved.getId(), saved.getVersion(), bad));
    assertEquals(
        "Pain before the session must be from 0 to 10.",
        kept.toFixBeforeSigning().get("painBefore"));
    assertTrue(
        kept.toFixBeforeSigning().get("treatedMuscles").startsWith("Treatment row 2:"),
        kept.toFixBeforeSigning().toString());
    assertTrue(kept.toFixBeforeSigning().get("pointUses").contains("midline"));

    // Stored: the note's version moved on, and the author reopens exactly what was typed.
    em.clear();
    SoapNote reread = notes.find(saved.getId());
    assertEquals(kept.note().getVersion(), reread.getVersion());
    assertTrue(reread.getVersion() > saved.getVersion());
    NoteDraft typed = reread.typedDraft().orElseThrow();
    assertEquals(500, typed.getRomFlexion());
    assertEquals(11, typed.getPainBefore());
    assertEquals("Typed while a row was still empty", typed.getClientWords());
    assertEquals(2, typed.getTreatedMuscles().size());
    assertEquals(null, typed.getTreatedMuscles().get(1).getMuscle());
    assertEquals(0, typed.getTreatedMuscles().get(1).getMinutes());
    // What others read, and what a signature would cover, is still the last draft without problems.
    assertEquals(1, reread.content().getTreatedMuscles().size());
    assertTrue(
        audit.forRecord(RecordKind.SOAP_NOTE, saved.getId()).stream()
            .anyMatch(e -> e.getDetail() != null && e.getDetail().contains("keptAsTyped")));

    RuleViolation unsignable =
        assertThrows(
            RuleViolation.class,
            () ->
                run(
                    therapist,
                    () -> notes.sign(saved.getId(), reread.getVersion(), typed, PASSWORD)));
    assertEquals(
        "Pain before the session must be from 0 to 10.",
        unsignable.fieldProblems().get("painBefore"));

    // Put right, it saves without problems and the kept copy is gone.
    SoapNotes.DraftSaved fixed =
        as(therapist, () -> notes.saveDraft(saved.getId(), reread.getVersion(), complete()));
    assertTrue(fixed.toFixBeforeSigning().isEmpty());
    em.clear();
    assertTrue(notes.find(saved.getId()).typedDraft().isEmpty());

    // Only what could never be a note is refused, and then nothing changes.
    NoteDraft hundredRows = complete();
    for (int i = 0; i < 100; i++) {
      hundredRows
          .getTreatedMuscles()
          .add(
              new TreatedMuscle(
                  "levator-scapulae", Side.LEFT, "myofascial-release", Pressure.LIGHT, 1));
    }
    long before = notes.find(saved.getId()).getVersion();
    assertTrue(
        assertThrows(
                RuleViolation.class,
                () -> run(therapist, () -> notes.saveDraft(saved.getId(), before, hundredRows)))
            .fieldProblems()
            .get("treatedMuscles")
            .contains("at most 40"));
    em.clear();
    SoapNote unchanged = notes.find(saved.getId());
    assertEquals(before, unchanged.getVersion());
    assertEquals(1, unchanged.content().getTreatedMuscles().size());
  }

  @Test
  void addendaNeedAReasonAndThePasswordAndKeepTheNoteAsSigned() {
    Actor therapist = therapist(Role.THERAPIST);
    Client client = treatableClient();
    SoapNote started =
        as(
            therapist,
            () -> notes.startSession(client.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));
    SoapNote signed =
        as(
            therapist,
            () -> notes.sign(started.getId(), started.getVersion(), complete(), PASSWORD));

    RuleViolation noReason =
        assertThrows(
            RuleViolation.class,
            () -> run(therapist, () -> notes.addAddendum(signed.getId(), " ", "Text", PASSWORD)));
    assertTrue(noReason.fieldProblems().containsKey("reason"));
    assertThrows(
        RuleViolation.class,
        () -> run(therapist, () -> notes.addAddendum(signed.getId(), "Why", "Text", "wrong")));
    as(
        therapist,
        () ->
            notes.addAddendum(
                signed.getId(), "Pressure was firm", "Firm on the right side.", PASSWORD));
    as(
        therapist,
        () -> notes.addAddendum(signed.getId(), "Home care", "Added chin tucks.", PASSWORD));

    List<NoteAddendum> addenda = as(therapist, () -> notes.addenda(signed.getId()));
    assertTrue(
        records
            .find(org.myochart.audit.RecordKind.NOTE_ADDENDUM, addenda.get(0).getId())
            .isPresent());
    assertEquals(
        List.of("Pressure was firm", "Home care"),
        addenda.stream().map(NoteAddendum::getReason).toList());
    assertTrue(addenda.get(0).contentIntact());
    assertEquals(signed.getContentSha256(), notes.find(signed.getId()).getContentSha256());

    // The addendum's hash is recomputed from its sealed PDF alone: the attached text hashes to it.
    NoteAddendum first = addenda.get(0);
    byte[] pdf =
        records
            .find(org.myochart.audit.RecordKind.NOTE_ADDENDUM, first.getId())
            .orElseThrow()
            .pdf();
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      var files = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
      byte[] hashed =
          files.get("addendum-" + first.getId() + ".hashed.txt").getEmbeddedFile().toByteArray();
      assertEquals(first.getContentSha256(), org.myochart.platform.Sha256.of(hashed));
      byte[] noteAttachment =
          records
              .find(org.myochart.audit.RecordKind.SOAP_NOTE, signed.getId())
              .map(r -> r.pdf())
              .map(
                  notePdf -> {
                    try (var noteDoc = org.apache.pdfbox.Loader.loadPDF(notePdf)) {
                      return noteDoc
                          .getDocumentCatalog()
                          .getNames()
                          .getEmbeddedFiles()
                          .getNames()
                          .get("note-" + signed.getId() + ".json")
                          .getEmbeddedFile()
                          .toByteArray();
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .orElseThrow();
      assertEquals(signed.getContentSha256(), org.myochart.platform.Sha256.of(noteAttachment));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void onlyTheOwnerAndTherapistsWhoTreatTheClientReadTheNotesAndOnlyTheAuthorWrites() {
    Actor author = therapist(Role.THERAPIST);
    Actor colleague = therapist(Role.THERAPIST);
    Actor owner = therapist(Role.OWNER);
    Client client = treatableClient();
    SoapNote note =
        as(
            author,
            () -> notes.startSession(client.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));

    assertEquals(
        RuleViolation.Kind.FORBIDDEN,
        assertThrows(RuleViolation.class, () -> run(colleague, () -> notes.open(note.getId())))
            .kind());
    assertEquals(
        RuleViolation.Kind.FORBIDDEN,
        assertThrows(RuleViolation.class, () -> run(colleague, () -> notes.notesOf(client.getId())))
            .kind());
    assertEquals(
        RuleViolation.Kind.FORBIDDEN,
        assertThrows(
                RuleViolation.class,
                () ->
                    run(
                        colleague,
                        () -> notes.saveDraft(note.getId(), note.getVersion(), complete())))
            .kind());
    assertEquals(
        RuleViolation.Kind.FORBIDDEN,
        assertThrows(
                RuleViolation.class,
                () ->
                    run(
                        new Actor("desk", Role.FRONT_DESK, null, null),
                        () -> notes.open(note.getId())))
            .kind());
    assertEquals(note.getId(), as(owner, () -> notes.open(note.getId())).getId());
    assertTrue(
        audit.forRecord(RecordKind.SOAP_NOTE, note.getId()).stream()
            .anyMatch(e -> e.getAction() == AuditAction.VIEW));

    assertInstanceOf(
        BreakGlassNeeded.class,
        assertThrows(
            RuleViolation.class,
            () ->
                run(
                    colleague,
                    () ->
                        notes.startSession(client.getId(), SessionKind.FOLLOW_UP, QUIET_DAY, "C"))),
        "a session with a client outside the caseload needs a reason first");
    as(
        colleague,
        () -> caseloads.breakGlass(client.getId(), "Covering for the author, who is away today"));
    as(colleague, () -> notes.startSession(client.getId(), SessionKind.FOLLOW_UP, QUIET_DAY, "C"));
    assertEquals(
        2,
        as(colleague, () -> notes.notesOf(client.getId())).size(),
        "treating the client opens their notes");
    assertEquals(
        List.of(note.getId()),
        as(author, () -> notes.unsignedOf(author.name())).stream().map(SoapNote::getId).toList());
    assertFalse(
        notes.unsignedLongerThan(java.time.Duration.ofHours(1)).stream()
            .anyMatch(n -> n.getId().equals(note.getId())));
  }

  @Test
  void aDeclineOfAcupressureInTheConsentIsAPointRowCaution() {
    Actor therapist = therapist(Role.THERAPIST);
    String desk = "d" + UUID.randomUUID().toString().substring(0, 8);
    staff.create(desk, "Desk", Role.FRONT_DESK, PASSWORD, false);
    Client declining = treatable.register("Dag", "Ac", desk, Set.of(PointUse.ACUPRESSURE));
    Client accepting = treatableClient();
    as(
        therapist,
        () -> notes.startSession(declining.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));
    as(
        therapist,
        () -> notes.startSession(accepting.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));

    assertTrue(as(therapist, () -> notes.declinedInConsent(declining.getId()).acupressure()));
    assertFalse(as(therapist, () -> notes.declinedInConsent(accepting.getId()).acupressure()));
    assertTrue(
        as(therapist, () -> notes.declinedInConsent(declining.getId())).inClientsWords().stream()
            .anyMatch(text -> text.startsWith("Acupressure")));
    PointUse row = new PointUse("GB20", Side.BOTH, "T");
    assertEquals(
        List.of("The client declined acupressure in their consent."),
        row.cautions(
            Map.of(),
            Set.of(),
            as(therapist, () -> notes.declinedInConsent(declining.getId()).acupressure())));
  }

  @Test
  void outcomesFollowTheSignedSessionsInOrder() {
    Actor therapist = therapist(Role.THERAPIST);
    Client client = treatableClient();
    for (int pain : new int[] {6, 4, 2}) {
      SoapNote started =
          as(
              therapist,
              () -> notes.startSession(client.getId(), SessionKind.FOLLOW_UP, QUIET_DAY, "T"));
      NoteDraft draft = complete();
      draft.setPainBefore(pain);
      as(therapist, () -> notes.sign(started.getId(), started.getVersion(), draft, PASSWORD));
    }
    List<OutcomePoint> outcomes = as(therapist, () -> notes.outcomes(client.getId()));
    assertEquals(List.of(6, 4, 2), outcomes.stream().map(OutcomePoint::painBefore).toList());
  }
}
