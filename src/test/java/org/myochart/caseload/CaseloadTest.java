package org.myochart.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.myochart.staff.Role;

class CaseloadTest {

  @Test
  void aClientTheTherapistHasTreatedIsInTheirCaseload() {
    assertEquals(ClinicalAccess.CASELOAD, new Caseload(Role.THERAPIST, true, true, false).access());
  }

  @Test
  void aClientNobodyHasTreatedYetIsInEveryTherapistsCaseload() {
    assertEquals(
        ClinicalAccess.CASELOAD, new Caseload(Role.THERAPIST, false, false, false).access());
  }

  @Test
  void aTherapistOutsideTheCaseloadMustGiveAReason() {
    ClinicalAccess access = new Caseload(Role.THERAPIST, false, true, false).access();
    assertEquals(ClinicalAccess.REASON_NEEDED, access);
    assertFalse(access.opens());
  }

  @Test
  void aReasonThatStillHoldsOpensTheRecordAsBreakGlass() {
    ClinicalAccess access = new Caseload(Role.THERAPIST, false, true, true).access();
    assertEquals(ClinicalAccess.BREAK_GLASS, access);
    assertTrue(access.opens());
  }

  @Test
  void theOwnerNeverNeedsAReason() {
    assertEquals(ClinicalAccess.OWNER, new Caseload(Role.OWNER, false, true, false).access());
    assertTrue(ClinicalAccess.OWNER.opens());
  }

  @Test
  void frontDeskAndEveryoneWithoutAStaffRoleReadNoClinicalRecordEvenWithAReason() {
    assertEquals(
        ClinicalAccess.REFUSED, new Caseload(Role.FRONT_DESK, false, false, true).access());
    assertEquals(ClinicalAccess.REFUSED, new Caseload(null, false, false, false).access());
    assertEquals(ClinicalAccess.REFUSED, new Caseload(Role.KIOSK, true, true, true).access());
    assertFalse(ClinicalAccess.REFUSED.opens());
  }
}
