package org.myochart.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientDetailsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

  @Test
  void ordinaryDetailsAreAccepted() {
    assertTrue(Fixtures.details("Anna", "Bergström", LocalDate.of(1986, 4, 12)).problems(TODAY).isEmpty());
  }

  @Test
  void futureAndImpossibleBirthDatesAreRefusedNextToTheField() {
    assertEquals("The date of birth cannot be in the future.",
        Fixtures.details("A", "B", TODAY.plusDays(1)).problems(TODAY).get("dateOfBirth"));
    assertEquals("The date of birth cannot be before 1900.",
        Fixtures.details("A", "B", LocalDate.of(1850, 1, 1)).problems(TODAY).get("dateOfBirth"));
  }

  @Test
  void everyMissingRequiredFieldIsReportedAtOnce() {
    Map<String, String> problems = new ClientDetails(" ", null, null, null, null, null, null, null, null, null, null).problems(TODAY);

    assertEquals("Enter the first name.", problems.get("firstName"));
    assertEquals("Enter the last name.", problems.get("lastName"));
    assertEquals("Enter the date of birth.", problems.get("dateOfBirth"));
  }

  @Test
  void overlongNotesAreRefusedWithTheirLength() {
    ClientDetails details = new ClientDetails("A", "B", LocalDate.of(1990, 1, 1), null, null, null, null, null, null,
        null, "x".repeat(10_000));

    assertEquals("The notes may have at most 4000 characters; it has 10000.", details.problems(TODAY).get("notes"));
  }

  @Test
  void malformedPhoneAndEmailAreRefused() {
    ClientDetails details = new ClientDetails("A", "B", LocalDate.of(1990, 1, 1), "call me maybe", "not-an-email",
        null, null, null, null, null, null);

    Map<String, String> problems = details.problems(TODAY);
    assertTrue(problems.get("phone").contains("digits"));
    assertTrue(problems.get("email").contains("not an email"));
  }

  @Test
  void controlCharactersAreRefusedButLineBreaksInNotesAreKept() {
    assertTrue(new ClientDetails("A\u0000", "B", LocalDate.of(1990, 1, 1), null, null, null, null, null, null, null, null)
        .problems(TODAY).containsKey("firstName"));
    assertTrue(new ClientDetails("A", "B", LocalDate.of(1990, 1, 1), null, null, null, null, null, null, null, "line 1\nline 2")
        .problems(TODAY).isEmpty());
  }

  @Test
  void scriptTagsAreOrdinaryTextToBeEscapedOnOutput() {
    ClientDetails details = Fixtures.details("<script>alert(1)</script>", "O'Brien", LocalDate.of(1990, 1, 1));

    assertTrue(details.problems(TODAY).isEmpty());
    assertEquals("<script>alert(1)</script>", details.firstName());
  }

  @Test
  void clientUnderEighteenIsAMinor() {
    Client client = new Client(Fixtures.details("Lea", "Brandt", TODAY.minusYears(18).plusDays(1)), false, Fixtures.T0);

    assertTrue(client.isMinorOn(TODAY));
    assertEquals(17, client.ageOn(TODAY));
  }

  @Test
  void aRightToLeftOverrideInTheFirstNameIsRefusedNamingTheField() {
    Map<String, String> problems = Fixtures.details("Evil\u202Eelif.exe", "Bergström", LocalDate.of(1986, 4, 12))
        .problems(TODAY);

    assertEquals("The first name contains an invisible or text-direction character; type it again without copying"
        + " it from elsewhere.", problems.get("firstName"));
    assertEquals(1, problems.size());
  }

  @Test
  void invisibleCharactersInAnyNameOfTheRecordAreRefused() {
    Map<String, String> problems = new ClientDetails("Anna", "Berg\u200Bström", LocalDate.of(1986, 4, 12), null, null,
        "Jonas\uFEFF Lindqvist", null, null, "Dr.\u00ADAlm", null, "Note with \u2066isolate\u2069 is not a name").problems(TODAY);

    assertTrue(problems.get("lastName").startsWith("The last name contains an invisible"));
    assertTrue(problems.get("emergencyContactName").startsWith("The emergency contact contains an invisible"));
    assertTrue(problems.get("physicianName").startsWith("The physician's name contains an invisible"));
    assertEquals(3, problems.size(), problems.toString());
  }

  @Test
  void namesInOtherScriptsAndWithAccentsAreAccepted() {
    assertTrue(new ClientDetails("Zoë", "Nguyễn-O'Brien", LocalDate.of(1990, 1, 1), null, null, "محمد علي", null, null,
        "Ἀλέξανδρος Παπαδόπουλος", null, null).problems(TODAY).isEmpty());
  }
}
