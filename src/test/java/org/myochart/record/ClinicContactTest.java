package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClinicContactTest {

  @Test
  void onlyTheGivenDetailsArePrintedInTheirOrder() {
    assertEquals(
        "Strandgata 4 · phone +47 55 · NO-MT 1",
        ClinicContact.joined(" Strandgata 4 ", "+47 55", "NO-MT 1"));
    assertEquals("phone +47 55", ClinicContact.joined(null, "+47 55", "  "));
    assertEquals("", ClinicContact.joined(null, null, null));
  }
}
