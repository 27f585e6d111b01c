package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.myochart.testsupport.StoredRows;
import org.myochart.testsupport.WebSession;

/**
 * A therapist opens a clinical page of a client in their own caseload and sends its form back
 * naming a colleague's client instead. In the demo clinic therapist2 treats Jonas and therapist1
 * treats Anna: every such post is refused with 403, leaves an {@code ACCESS_DENIED} entry naming
 * therapist2, and stores nothing for Anna.
 */
@ResourceLock(SharedDemoData.THERAPIST2_ACCESS)
@ResourceLock(SharedDemoData.ANNAS_RECORDS)
@ResourceLock(SharedDemoData.JONAS_SESSIONS)
class CaseloadFormsIT {

  private static RunningClinic clinic;
  private static long anna;
  private static long jonas;
  private static long annaNote;
  private static long jonasDraft;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
    anna = StoredRows.number(clinic, "select id from client where last_name = 'Bergström'");
    jonas = StoredRows.number(clinic, "select id from client where last_name = 'Lindqvist'");
    annaNote = StoredRows.number(clinic, "select min(id) from soap_note where client_id = ?", anna);
    jonasDraft =
        StoredRows.number(
            clinic,
            "select min(id) from soap_note where client_id = ? and therapist = 'therapist2' and status = 'DRAFT'",
            jonas);
  }

  private static WebSession therapist2() {
    return WebSession.signedIn(clinic, "therapist2", RunningClinic.DEMO_PASSWORD);
  }

  /** Posts the page's own form with its own view state, plus the named record parameter changed. */
  private static HttpResponse<String> postNaming(
      WebSession session,
      String page,
      String ownRecord,
      String form,
      String button,
      Map<String, String> values,
      String parameter,
      long otherRecord) {
    Map<String, String> fields = session.openForm(page + "?" + parameter + "=" + ownRecord, form);
    fields.putAll(values);
    fields.put(button, button);
    fields.put(parameter, Long.toString(otherRecord));
    return session.post(page, fields);
  }

  private static void assertRefusedAndAudited(
      HttpResponse<String> answer, String page, int deniedBefore) {
    assertEquals(403, answer.statusCode(), answer.body());
    assertFalse(answer.body().contains(".java:"), "no stack trace");
    assertEquals(
        deniedBefore + 1,
        AuditRows.count(clinic, "ACCESS_DENIED", "therapist2", page),
        "one ACCESS_DENIED entry naming therapist2 and the page");
  }

  @Test
  void todaysCheckPostedForAColleaguesClientIsRefused() {
    WebSession session = therapist2();
    String page = "/clinical/visit-check.xhtml";
    long checksBefore = StoredRows.count(clinic, "visit_check", "client_id = ?", anna);
    int denied = AuditRows.count(clinic, "ACCESS_DENIED", "therapist2", page);

    HttpResponse<String> answer =
        postNaming(
            session,
            page,
            Long.toString(jonas),
            "check",
            "check:save",
            Map.of("check:acute", "true", "check:changed", "false"),
            "client",
            anna);

    assertRefusedAndAudited(answer, page, denied);
    assertEquals(
        checksBefore,
        StoredRows.count(clinic, "visit_check", "client_id = ?", anna),
        "no check for Anna");
  }

  @Test
  void anIntakePostedForAColleaguesClientIsRefused() {
    WebSession session = therapist2();
    String page = "/clinical/intake.xhtml";
    long intakesBefore = StoredRows.count(clinic, "health_intake", "client_id = ?", anna);
    int denied = AuditRows.count(clinic, "ACCESS_DENIED", "therapist2", page);

    HttpResponse<String> answer =
        postNaming(
            session, page, Long.toString(jonas), "intake", "intake:save", Map.of(), "client", anna);

    assertRefusedAndAudited(answer, page, denied);
    assertEquals(
        intakesBefore,
        StoredRows.count(clinic, "health_intake", "client_id = ?", anna),
        "no intake for Anna");
  }

  @Test
  void aClearancePostedForAColleaguesClientIsRefused() {
    WebSession session = therapist2();
    String page = "/clinical/clearance.xhtml";
    long clearancesBefore = StoredRows.count(clinic, "medical_clearance", "client_id = ?", anna);
    int denied = AuditRows.count(clinic, "ACCESS_DENIED", "therapist2", page);

    HttpResponse<String> answer =
        postNaming(
            session,
            page,
            Long.toString(jonas),
            "clearance",
            "clearance:save",
            Map.of("clearance:physicianName", "Dr. Forged", "clearance:note", "Cleared by nobody."),
            "client",
            anna);

    assertRefusedAndAudited(answer, page, denied);
    assertEquals(
        clearancesBefore,
        StoredRows.count(clinic, "medical_clearance", "client_id = ?", anna),
        "no clearance for Anna");
  }

  @Test
  void aSessionStartedForAColleaguesClientIsRefused() {
    WebSession session = therapist2();
    String page = "/clinical/session-start.xhtml";
    long sessionsBefore =
        StoredRows.count(
            clinic, "treatment_session", "client_id = ? and therapist = 'therapist2'", anna);
    int denied = AuditRows.count(clinic, "ACCESS_DENIED", "therapist2", page);

    HttpResponse<String> answer =
        postNaming(
            session,
            page,
            Long.toString(jonas),
            "start",
            "start:startSession",
            Map.of(),
            "client",
            anna);

    assertRefusedAndAudited(answer, page, denied);
    assertEquals(
        sessionsBefore,
        StoredRows.count(
            clinic, "treatment_session", "client_id = ? and therapist = 'therapist2'", anna),
        "Anna did not enter therapist2's caseload");
  }

  @Test
  void aNoteFormSentBackForAColleaguesNoteIsRefused() {
    WebSession session = therapist2();
    String page = "/clinical/note.xhtml";
    int denied = AuditRows.count(clinic, "ACCESS_DENIED", "therapist2", page);

    HttpResponse<String> answer =
        postNaming(
            session,
            page,
            Long.toString(jonasDraft),
            "note",
            "note:save",
            Map.of(),
            "id",
            annaNote);

    assertRefusedAndAudited(answer, page, denied);
  }

  @Test
  void theSamePageWithoutAChangedRecordStillWorks() {
    // The control: the form of the therapist's own client goes through unchanged.
    WebSession session = therapist2();
    Map<String, String> fields =
        session.openForm("/clinical/visit-check.xhtml?client=" + jonas, "check");
    long checksBefore = StoredRows.count(clinic, "visit_check", "client_id = ?", jonas);
    fields.putAll(
        Map.of("check:acute", "false", "check:changed", "false", "check:save", "check:save"));

    HttpResponse<String> answer = session.post("/clinical/visit-check.xhtml", fields);

    assertEquals(302, answer.statusCode(), answer.body());
    assertEquals(checksBefore + 1, StoredRows.count(clinic, "visit_check", "client_id = ?", jonas));
  }

  @Test
  void anIdThatIsNotANumberIsNotFound() {
    WebSession session = therapist2();
    for (String address :
        new String[] {
          "/clinical/intake.xhtml?client=abc",
          "/clinical/note.xhtml?id=1e3",
          "/staff/clients/client.xhtml?id=..%2F..",
          "/clinical/session-start.xhtml?client=abc",
          "/staff/consents/consent.xhtml?id=abc"
        }) {
      HttpResponse<String> answer = session.get(address);
      assertEquals(404, answer.statusCode(), address + ": " + answer.body());
      assertTrue(answer.body().contains("Page not found"), address);
      assertFalse(answer.body().contains(".java:"), "no stack trace");
    }
  }
}
