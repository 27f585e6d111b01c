package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionKindTest {

  @Test
  void aClientWithASignedSessionIsOfferedAFollowUp() {
    assertEquals(SessionKind.FOLLOW_UP, SessionKind.suggestedFor(true));
  }

  @Test
  void aClientWithoutASignedSessionIsOfferedTheFirstVisitsAssessment() {
    assertEquals(SessionKind.ASSESSMENT, SessionKind.suggestedFor(false));
  }
}
