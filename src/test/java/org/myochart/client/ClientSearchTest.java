package org.myochart.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientSearchTest {

  @Test
  void isoAndDottedDatesAreDatesOfBirth() {
    assertEquals(
        LocalDate.of(1986, 4, 12), ClientSearch.of("1986-04-12").dateOfBirth().orElseThrow());
    assertEquals(
        LocalDate.of(1986, 4, 12), ClientSearch.of("12.4.1986").dateOfBirth().orElseThrow());
  }

  @Test
  void mostlyDigitsIsAPhoneNumber() {
    assertEquals("4791234567", ClientSearch.of("+47 912 34 567").phoneDigits().orElseThrow());
  }

  @Test
  void wordsAreNamePrefixes() {
    assertEquals(List.of("ann", "berg"), ClientSearch.of("Ann Berg").namePrefixes());
  }

  @Test
  void likeWildcardsNeverReachTheQuery() {
    List<String> prefixes = ClientSearch.of("ann% _x '; drop table client;--").namePrefixes();

    assertEquals("ann", prefixes.get(0));
    assertTrue(
        prefixes.stream().noneMatch(p -> p.contains("%") || p.contains("_")), prefixes.toString());
    assertTrue(ClientSearch.of("%_%").isEmpty());
  }

  @Test
  void overlongQueryIsCutNotRefused() {
    assertTrue(
        ClientSearch.of("a".repeat(10_000)).namePrefixes().get(0).length()
            <= ClientSearch.LONGEST_QUERY);
  }
}
