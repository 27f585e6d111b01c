package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.myochart.anatomy.BodyRegion;
import org.myochart.anatomy.Side;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.audit.RecordKind;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.Intakes;
import org.myochart.client.MedicalClearance;
import org.myochart.platform.DatabaseLocation;
import org.myochart.platform.RuleViolation;
import org.myochart.record.Records;
import org.myochart.security.StaffAccounts;
import org.myochart.staff.Role;
import org.myochart.testsupport.Deployments;
import org.myochart.testsupport.InTheContainer;
import org.myochart.testsupport.TreatableClients;

/**
 * Restrictions reach the note: recorded from a clearance or by the therapist, checked against the
 * rows when the note is signed, overridden only with a reason that the audit trail and the sealed
 * PDF keep; in Payara Micro on the real database.
 */
@InTheContainer
class RestrictionsIT {

  private static final String PASSWORD = "steady shoulders 2026";
  private static final SoapNotes.TodaysCheck QUIET_DAY =
      new SoapNotes.TodaysCheck(false, false, Set.of());

  @Deployment
  static WebArchive deployment() {
    return Deployments.clinic(RestrictionsIT.class);
  }

  @Inject TreatableClients treatable;
  @Inject SoapNotes notes;
  @Inject Restrictions restrictions;
  @Inject Intakes intakes;
  @Inject Clients clients;
  @Inject StaffAccounts staff;
  @Inject AuditTrail audit;
  @Inject Records records;
  @Inject UserTransaction transaction;
  @PersistenceContext EntityManager em;

  /** Whether the database refuses the statement, run as the application's own database user. */
  private boolean refusedByDatabase(String sql) throws Exception {
    transaction.begin();
    try {
      em.createNativeQuery(sql).executeUpdate();
      em.flush();
      return false;
    } catch (PersistenceException refused) {
      return true;
    } finally {
      transaction.rollback();
    }
  }

  private Actor therapist() {
    String username = "r" + UUID.randomUUID().toString().substring(0, 8);
    staff.create(username, "Therapist " + username, Role.THERAPIST, PASSWORD, false);
    return new Actor(username, Role.THERAPIST, "10.0.0.9", "test");
  }

  private Client treatableClient() {
    String desk = "d" + UUID.randomUUID().toString().substring(0, 8);
    staff.create(desk, "Desk", Role.FRONT_DESK, PASSWORD, false);
    return treatable.register("Rut", "Rs", desk);
  }

  private static <T> T as(Actor actor, Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    CurrentActor.actAs(actor, () -> result.set(work.get()));
    return result.get();
  }

  /** A signable draft working the upper trapezius on both sides at the given pressure. */
  private static NoteDraft workingTheNeck(Pressure pressure) {
    NoteDraft draft = new NoteDraft();
    draft.setCurrentPain(5);
    draft.setPainBefore(5);
    draft.setPainAfter(3);
    draft.setTolerance(Tolerance.GOOD);
    draft.setHeadacheDaysSinceLast(2);
    draft
        .getTreatedMuscles()
        .add(new TreatedMuscle("upper-trapezius", Side.BOTH, "myofascial-release", pressure, 10));
    draft
        .getTreatedMuscles()
        .add(new TreatedMuscle("temporalis", Side.LEFT, "myofascial-release", Pressure.FIRM, 5));
    return draft;
  }

  private static RestrictionTerms neckNoFirmerThanLight(LocalDate from, LocalDate until, Long c) {
    return new RestrictionTerms(
        BodyRegion.NECK,
        null,
        null,
        null,
        Pressure.LIGHT,
        from,
        until,
        "Avoid deep cervical pressure for 4 weeks.",
        c);
  }

  @Test
  void aNoteBreakingARestrictionIsSignedOnlyWithAReasonThatTheAuditAndTheSealedPdfKeep()
      throws Exception {
    Actor therapist = therapist();
    Client client = treatableClient();
    SoapNote started =
        as(
            therapist,
            () -> notes.startSession(client.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));
    LocalDate today = clients.today();
    MedicalClearance clearance =
        as(
            therapist,
            () ->
                intakes.recordClearance(
                    client.getId(),
                    "Dr Eva Lund",
                    today,
                    "May treat; avoid deep cervical pressure for 4 weeks.",
                    null));
    Restriction restriction =
        as(
            therapist,
            () ->
                restrictions.record(
                    client.getId(),
                    neckNoFirmerThanLight(today, today.plusWeeks(4), clearance.getId())));
    assertTrue(
        audit.forRecord(Restrictions.RECORD_TYPE, restriction.getId()).stream()
            .anyMatch(e -> e.getAction() == AuditAction.CREATE),
        "recording a restriction is audited");
    // Ended after the session began: it still held for that session.
    Restriction jaw =
        as(
            therapist,
            () ->
                restrictions.record(
                    client.getId(),
                    new RestrictionTerms(
                        null,
                        "MUSCLE:temporalis",
                        Side.LEFT,
                        null,
                        null,
                        today,
                        null,
                        "Jaw surgery.",
                        null)));
    as(therapist, () -> restrictions.lift(jaw.getId(), jaw.getVersion(), "Healed."));

    SoapNote saved =
        as(
            therapist,
            () ->
                notes
                    .saveDraft(started.getId(), started.getVersion(), workingTheNeck(Pressure.FIRM))
                    .note());
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                CurrentActor.actAs(
                    therapist,
                    () ->
                        notes.sign(
                            saved.getId(),
                            saved.getVersion(),
                            workingTheNeck(Pressure.FIRM),
                            PASSWORD,
                            " \u200B\u00A0. ")));
    String why = refused.fieldProblems().get("override");
    assertTrue(
        why != null && why.contains("Neck (cervical)") && why.contains("Upper trapezius"),
        "the refusal names the restriction and the row, whatever invisible reason was given: "
            + refused.fieldProblems());
    assertTrue(
        why.contains("Temporalis, left side: no treatment") && why.contains("Temporalis (left)"),
        "a restriction ended after the session began still holds for it: " + why);
    assertEquals(NoteStatus.DRAFT, notes.find(saved.getId()).getStatus(), "nothing signed");

    SoapNote signed =
        as(
            therapist,
            () ->
                notes.sign(
                    saved.getId(),
                    saved.getVersion(),
                    workingTheNeck(Pressure.FIRM),
                    PASSWORD,
                    "Client asked for firm work; no cervical pain today."));
    assertEquals(NoteStatus.SIGNED, signed.getStatus());
    List<RestrictionOverride> overrides =
        as(therapist, () -> restrictions.overridesOf(signed.getId()));
    assertEquals(2, overrides.size());
    assertEquals(restriction.getId(), overrides.get(0).getRestriction().getId());
    assertEquals(
        "Client asked for firm work; no cervical pain today.", overrides.get(0).getReason());
    if (!DatabaseLocation.configured().isEmbedded()) {
      // On PostgreSQL the database itself keeps them (V28), whatever the application asks.
      assertTrue(
          refusedByDatabase(
              "delete from restriction_override where id = " + overrides.get(0).getId()));
      assertTrue(
          refusedByDatabase(
              "update treatment_restriction set reason = 'none' where id = "
                  + restriction.getId()));
      assertTrue(
          refusedByDatabase("delete from treatment_restriction where id = " + restriction.getId()));
    }
    assertEquals(therapist.name(), overrides.get(0).getOverriddenBy());

    String signing =
        audit.forRecord(RecordKind.SOAP_NOTE, signed.getId()).stream()
            .filter(e -> e.getAction() == AuditAction.SIGN)
            .findFirst()
            .orElseThrow()
            .getDetail();
    assertTrue(
        signing.contains(
                "\"restrictionsOverridden\":[" + restriction.getId() + "," + jaw.getId() + "]")
            && signing.contains("no cervical pain today"),
        "the signature's audit entry names the override: " + signing);

    byte[] pdf = records.find(RecordKind.SOAP_NOTE, signed.getId()).orElseThrow().pdf();
    try (var document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertTrue(text.contains("Restrictions overridden"), text);
      assertTrue(text.contains("Neck (cervical): no pressure firmer than light"), text);
      assertTrue(text.contains("Client asked for firm work; no cervical pain today."), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aNoteWithinTheLimitOrOutsideTheRestrictionsDaysIsSignedWithoutAReason() {
    Actor therapist = therapist();
    Client client = treatableClient();
    LocalDate today = clients.today();
    as(
        therapist,
        () ->
            restrictions.record(
                client.getId(),
                neckNoFirmerThanLight(today.minusWeeks(5), today.minusDays(1), null)));
    as(
        therapist,
        () ->
            restrictions.record(
                client.getId(), neckNoFirmerThanLight(today.plusDays(1), null, null)));
    Restriction ended =
        as(
            therapist,
            () ->
                restrictions.record(
                    client.getId(),
                    new RestrictionTerms(
                        null,
                        "MUSCLE:temporalis",
                        Side.LEFT,
                        null,
                        null,
                        today,
                        null,
                        "Jaw surgery.",
                        null)));
    Restriction lifted =
        as(
            therapist,
            () ->
                restrictions.lift(ended.getId(), ended.getVersion(), "Healed, says the surgeon."));
    assertTrue(lifted.isLifted());
    assertEquals(
        RuleViolation.Kind.CONFLICT,
        assertThrows(
                RuleViolation.class,
                () ->
                    CurrentActor.actAs(
                        therapist,
                        () -> restrictions.lift(ended.getId(), lifted.getVersion(), "Again.")))
            .kind(),
        "a restriction ends once");
    assertTrue(
        audit.forRecord(Restrictions.RECORD_TYPE, ended.getId()).stream()
            .anyMatch(e -> e.getAction() == AuditAction.CHANGE && e.getDetail().contains("Healed")),
        "ending one early is audited with its reason");

    // The restriction ended before the session began; the others lie outside the session's day.
    SoapNote started =
        as(
            therapist,
            () -> notes.startSession(client.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));
    SoapNote signed =
        as(
            therapist,
            () ->
                notes.sign(
                    started.getId(),
                    started.getVersion(),
                    workingTheNeck(Pressure.FIRM),
                    PASSWORD));
    assertEquals(NoteStatus.SIGNED, signed.getStatus());
    assertTrue(as(therapist, () -> restrictions.overridesOf(signed.getId())).isEmpty());
  }

  @Test
  void aRestrictionNeedsAPlaceOrTechniqueAReasonAndTheClientsOwnClearance() {
    Actor therapist = therapist();
    Client client = treatableClient();
    Client other = treatableClient();
    as(therapist, () -> notes.startSession(client.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));
    LocalDate today = clients.today();
    MedicalClearance othersClearance =
        as(
            therapist,
            () -> intakes.recordClearance(other.getId(), "Dr Other", today, "Cleared.", null));

    assertRefusedAt(
        therapist,
        client,
        new RestrictionTerms(null, null, null, null, null, today, null, "Why", null),
        "region");
    assertRefusedAt(
        therapist,
        client,
        new RestrictionTerms(
            BodyRegion.NECK, null, null, null, Pressure.FIRM, today, null, "Why", null),
        "maxPressure");
    assertRefusedAt(
        therapist,
        client,
        new RestrictionTerms(
            BodyRegion.NECK, null, null, null, null, today, today.minusDays(1), "Why", null),
        "endsOn");
    assertRefusedAt(
        therapist,
        client,
        new RestrictionTerms(BodyRegion.NECK, null, null, null, null, today, null, " ", null),
        "reason");
    assertRefusedAt(
        therapist,
        client,
        new RestrictionTerms(
            null, "MUSCLE:no-such-muscle", null, null, null, today, null, "Why", null),
        "structure");
    assertRefusedAt(
        therapist,
        client,
        new RestrictionTerms(
            BodyRegion.NECK, null, null, null, null, today, null, "Why", othersClearance.getId()),
        "clearance");
    assertEquals(
        RuleViolation.Kind.FORBIDDEN,
        assertThrows(
                RuleViolation.class,
                () ->
                    CurrentActor.actAs(
                        new Actor("desk", Role.FRONT_DESK, null, null),
                        () ->
                            restrictions.record(
                                client.getId(), neckNoFirmerThanLight(today, null, null))))
            .kind(),
        "the front desk records no restriction");
    assertTrue(as(therapist, () -> restrictions.of(client.getId())).isEmpty(), "nothing stored");
  }

  private void assertRefusedAt(Actor actor, Client client, RestrictionTerms terms, String field) {
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () -> CurrentActor.actAs(actor, () -> restrictions.record(client.getId(), terms)));
    assertTrue(
        refused.fieldProblems().containsKey(field),
        "refused at " + field + ": " + refused.fieldProblems());
  }
}
