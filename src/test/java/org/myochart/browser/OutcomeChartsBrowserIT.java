package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.RunningClinic;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The client's outcome charts on the clinic's tablet: tall enough to read, with axes and a legend,
 * the plan's goal drawn where the plan names a number, and still there and sized when printed.
 */
class OutcomeChartsBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static final List<String> CHARTS = List.of("painChart", "headacheChart", "sleepChart");

  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  /** What Chart.js drew for one chart: its height, legend, axis titles and line labels. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> drawn(Browser browser, String chart) {
    browser
        .waitFor()
        .until(
            d ->
                Boolean.TRUE.equals(
                    browser.script(
                        "var c = document.querySelector(\"[id$='"
                            + chart
                            + "'] canvas\");"
                            + " return !!(c && window.Chart && Chart.getChart(c));")));
    return (Map<String, Object>)
        browser.script(
            "var c = document.querySelector(\"[id$='"
                + chart
                + "'] canvas\"); var ch = Chart.getChart(c);"
                + " return {height: c.getBoundingClientRect().height,"
                + " box: c.parentElement.getBoundingClientRect().height,"
                + " legend: ch.options.plugins.legend.display !== false,"
                + " x: ch.options.scales.x.title.display ? ch.options.scales.x.title.text : '',"
                + " y: ch.options.scales.y.title.display ? ch.options.scales.y.title.text : '',"
                + " lines: ch.data.datasets.map(function (d) { return d.label; }),"
                + " goal: ch.data.datasets.filter(function (d) { return d.label.indexOf('Plan goal') === 0; })"
                + ".map(function (d) { return d.data[0]; })};");
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  @Test
  void annasChartsAreReadableOnTheTabletWithHerPlansGoalAsALine() throws Exception {
    long anna = SoapNoteBrowserIT.clientIdFor(clinic, "Bergström");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("therapist1", PASSWORD);
      tablet.visit("/staff/clients/client.xhtml?id=" + anna + "&tab=outcomes");
      tablet.awaitText("What was used when");
      for (String chart : CHARTS) {
        Map<String, Object> drawn = drawn(tablet, chart);
        assertTrue(
            number(drawn.get("height")) >= 220, chart + " is " + drawn.get("height") + " px tall");
        assertEquals(Boolean.TRUE, drawn.get("legend"), chart);
        assertEquals("Signed session", drawn.get("x"), chart);
        assertFalse(String.valueOf(drawn.get("y")).isBlank(), chart + " names its values");
      }
      Map<String, Object> headache = drawn(tablet, "headacheChart");
      assertTrue(
          ((List<?>) headache.get("lines")).contains("Plan goal: 4 headache days a month"),
          headache.toString());
      assertEquals(List.of(4L), headache.get("goal"));
      assertTrue(((List<?>) drawn(tablet, "painChart").get("goal")).isEmpty(), "no pain goal");
      assertTrue(
          tablet
              .find(By.id("goalNote"))
              .getText()
              .startsWith("The dashed line is the plan's goal"));
      ClientRecordBrowserIT.screenshot(tablet, "outcome-charts-tablet");

      ((ChromeDriver) tablet.driver())
          .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      try {
        tablet.script("window.dispatchEvent(new Event('beforeprint'));");
        assertEquals(
            "none",
            tablet.script("return getComputedStyle(document.querySelector('.topbar')).display;"));
        assertEquals(
            "none",
            tablet.script(
                "return getComputedStyle(document.getElementById('printOutcomes')).display;"));
        for (String chart : CHARTS) {
          tablet.waitFor().until(d -> number(drawn(tablet, chart).get("height")) >= 220);
          Map<String, Object> printed = drawn(tablet, chart);
          assertTrue(
              number(printed.get("box")) >= 250,
              chart + " prints " + printed.get("box") + " px tall");
        }
        ClientRecordBrowserIT.screenshot(tablet, "outcome-charts-print");
      } finally {
        ((ChromeDriver) tablet.driver())
            .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
      }
    }
  }

  @Test
  void aClientWithoutANumericGoalGetsNoGoalLineAndIsToldWhy() throws Exception {
    long jonas = SoapNoteBrowserIT.clientIdFor(clinic, "Lindqvist");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("therapist2", PASSWORD);
      tablet.visit("/staff/clients/client.xhtml?id=" + jonas + "&tab=outcomes");
      tablet.awaitText("What was used when");
      for (String chart : CHARTS) {
        assertTrue(((List<?>) drawn(tablet, chart).get("goal")).isEmpty(), chart);
      }
      assertTrue(
          tablet.find(By.id("goalNote")).getText().contains("show no goal line"),
          tablet.find(By.id("goalNote")).getText());
    }
  }
}
