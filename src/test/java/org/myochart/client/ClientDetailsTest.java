package org.myochart.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.testsupport.Constraints.problems;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientDetailsTest {

  private static final LocalDate TODAY = LocalDate.now();

  @Test
  void ordinaryDetailsAreAccepted() {
    assertTrue(
        problems(Fixtures.details("Anna", "Bergström", LocalDate.of(1986, 4, 12))).isEmpty());
  }

  @Test
  void futureAndImpossibleBirthDatesAreRefusedNextToTheField() {
    assertEquals(
        "The date of birth cannot be in the future.",
        problems(Fixtures.details("A", "B", TODAY.plusDays(1))).get("dateOfBirth"));
    assertEquals(
        "The date of birth cannot be before 1900.",
        problems(Fixtures.details("A", "B", LocalDate.of(1850, 1, 1))).get("dateOfBirth"));
  }

  @Test
  void everyMissingRequiredFieldIsReportedAtOnce() {
    Map<String, String> problems =
        problems(
            new ClientDetails(" ", null, null, null, null, null, null, null, null, null, null));

    assertEquals("Enter the first name.", problems.get("firstName"));
    assertEquals("Enter the last name.", problems.get("lastName"));
    assertEquals("Enter the date of birth.", problems.get("dateOfBirth"));
  }

  @Test
  void overlongNotesAreRefusedWithTheirLength() {
    ClientDetails details =
        new ClientDetails(
            "A",
            "B",
            LocalDate.of(1990, 1, 1),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "x".repeat(10_000));

    assertEquals(
        "The notes may have at most 4000 characters; it has 10000.",
        problems(details).get("notes"));
  }

  @Test
  void malformedPhoneAndEmailAreRefused() {
    ClientDetails details =
        new ClientDetails(
            "A",
            "B",
            LocalDate.of(1990, 1, 1),
            "call me maybe",
            "not-an-email",
            null,
            null,
            null,
            null,
            null,
            null);

    Map<String, String> problems = problems(details);
    assertTrue(problems.get("phone").contains("digits"));
    assertTrue(problems.get("email").contains("not an email"));
  }

  @Test
  void controlCharactersAreRefusedButLineBreaksInNotesAreKept() {
    assertTrue(
        problems(
                new ClientDetails(
                    "A\u0000",
                    "B",
                    LocalDate.of(1990, 1, 1),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
            .containsKey("firstName"));
    assertTrue(
        problems(
                new ClientDetails(
                    "A",
                    "B",
                    LocalDate.of(1990, 1, 1),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "line 1\nline 2"))
            .isEmpty());
  }

  @Test
  void scriptTagsAreOrdinaryTextToBeEscapedOnOutput() {
    ClientDetails details =
        Fixtures.details("<script>alert(1)</script>", "O'Brien", LocalDate.of(1990, 1, 1));

    assertTrue(problems(details).isEmpty());
    assertEquals("<script>alert(1)</script>", details.firstName());
  }

  @Test
  void clientUnderEighteenIsAMinor() {
    Client client =
        new Client(
            Fixtures.details("Lea", "Brandt", TODAY.minusYears(18).plusDays(1)),
            false,
            Fixtures.T0);

    assertTrue(client.isMinorOn(TODAY));
    assertEquals(17, client.ageOn(TODAY));
  }

  @Test
  void aRightToLeftOverrideInTheFirstNameIsRefusedNamingTheField() {
    Map<String, String> problems =
        problems(Fixtures.details("Evil\u202Eelif.exe", "Bergström", LocalDate.of(1986, 4, 12)));

    assertEquals(
        "The first name contains an invisible or text-direction character; type it again without copying"
            + " it from elsewhere.",
        problems.get("firstName"));
    assertEquals(1, problems.size());
  }

  @Test
  void invisibleCharactersInAnyNameOfTheRecordAreRefused() {
    Map<String, String> problems =
        problems(
            new ClientDetails(
                "Anna",
                "Berg\u200Bström",
                LocalDate.of(1986, 4, 12),
                null,
                null,
                "Jonas\uFEFF Lindqvist",
                null,
                null,
                "Dr.\u00ADAlm",
                null,
                "Note with \u2066isolate\u2069 is not a name"));

    assertTrue(problems.get("lastName").startsWith("The last name contains an invisible"));
    assertTrue(
        problems
            .get("emergencyContactName")
            .startsWith("The emergency contact contains an invisible"));
    assertTrue(
        problems.get("physicianName").startsWith("The physician's name contains an invisible"));
    assertEquals(3, problems.size(), problems.toString());
  }

  @Test
  void namesInOtherScriptsAndWithAccentsAreAccepted() {
    assertTrue(
        problems(
                new ClientDetails(
                    "Zoë",
                    "Nguyễn-O'Brien",
                    LocalDate.of(1990, 1, 1),
                    null,
                    null,
                    "محمد علي",
                    null,
                    null,
                    "Ἀλέξανδρος Παπαδόπουλος",
                    null,
                    null))
            .isEmpty());
  }
}
