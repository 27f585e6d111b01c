package org.myochart.caseload.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClinicalDoorTest {

  @Test
  void theScreenReturnsOnlyToMyoChartsOwnClinicalAndClientPages() {
    assertTrue(ClinicalDoor.isSafeReturn("/clinical/note.xhtml?id=12"));
    assertTrue(ClinicalDoor.isSafeReturn("/clinical/intake.xhtml?client=3"));
    assertTrue(ClinicalDoor.isSafeReturn("/staff/clients/client.xhtml?id=3&tab=sessions"));
    assertFalse(ClinicalDoor.isSafeReturn(null));
    assertFalse(ClinicalDoor.isSafeReturn("//evil.example/clinical/note.xhtml"));
    assertFalse(ClinicalDoor.isSafeReturn("https://evil.example/"));
    assertFalse(ClinicalDoor.isSafeReturn("/owner/staff.xhtml"));
    assertFalse(ClinicalDoor.isSafeReturn("/clinical/../owner/staff.xhtml"));
    assertFalse(
        ClinicalDoor.isSafeReturn("/clinical/break-glass.xhtml?client=3"), "never back to itself");
  }

  @Test
  void theScreensAddressCarriesTheClientAndTheWayBack() {
    assertEquals(
        "/ctx/clinical/break-glass.xhtml?client=5&next=%2Fclinical%2Fnote.xhtml%3Fid%3D9",
        ClinicalDoor.screen("/ctx", 5, "/clinical/note.xhtml?id=9"));
  }
}
