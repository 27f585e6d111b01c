package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a failed accessibility check reads in a test report. */
class AxeReportTest {

  @Test
  void aPageWithoutViolationsReportsNothing() {
    assertEquals("", Axe.report("sign-in", "/login.xhtml", List.of()));
  }

  @Test
  void eachViolationNamesItsRuleItsHelpAndEveryElementWithWhatIsWrong() {
    Axe.Violation contrast =
        new Axe.Violation(
            "color-contrast",
            "serious",
            "Elements must meet minimum color contrast ratio thresholds",
            "https://example.org/color-contrast",
            List.of(
                new Axe.Violation.Node(
                    "[\"#signOut > .ui-button-text\"]",
                    "<span class=\"ui-button-text\">Sign out</span>",
                    "Fix any of the following:\n  Element has insufficient color contrast of 3.12")));

    assertEquals(
        "dashboard (/staff/dashboard.xhtml) has 1 serious or critical accessibility violation:\n"
            + "  color-contrast (serious): Elements must meet minimum color contrast ratio"
            + " thresholds\n"
            + "    https://example.org/color-contrast\n"
            + "    - [\"#signOut > .ui-button-text\"]  <span class=\"ui-button-text\">Sign"
            + " out</span>\n"
            + "        Fix any of the following:\n"
            + "        Element has insufficient color contrast of 3.12",
        Axe.report("dashboard", "/staff/dashboard.xhtml", List.of(contrast)));
  }
}
