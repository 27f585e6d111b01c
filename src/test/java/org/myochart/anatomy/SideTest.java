package org.myochart.anatomy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SideTest {

  @Test
  void aPairedStructureIsWorkedLeftRightOrBoth() {
    assertArrayEquals(new Side[] {Side.LEFT, Side.RIGHT, Side.BOTH}, Side.forStructure(true));
  }

  @Test
  void aMidlineStructureHasOnlyTheMidline() {
    assertArrayEquals(new Side[] {Side.MIDLINE}, Side.forStructure(false));
  }

  @Test
  void changingTheReturnedSidesDoesNotChangeTheRule() {
    Side[] sides = Side.forStructure(false);
    sides[0] = Side.LEFT;

    assertNotSame(sides, Side.forStructure(false));
    assertArrayEquals(new Side[] {Side.MIDLINE}, Side.forStructure(false));
  }

  @Test
  void theMidlineHasNoSnomedLateralityButTheSidesDo() {
    assertEquals("7771000", Side.LEFT.snomedCode());
    assertEquals("24028007", Side.RIGHT.snomedCode());
    assertEquals("51440002", Side.BOTH.snomedCode());
    assertNull(Side.MIDLINE.snomedCode());
    assertEquals("L+R", Side.BOTH.abbreviation());
  }
}
