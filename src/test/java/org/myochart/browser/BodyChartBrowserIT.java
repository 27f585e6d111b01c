package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The SOAP note's body chart on a 1024 × 768 touch tablet: every target is big enough for a finger
 * and reachable, every built-in muscle and pressure point has one on each of its sides, and taps on
 * points, reflex areas and muscles change the rows, say what they did and are saved with the note.
 */
@ResourceLock(SharedDemoData.JONAS_SESSIONS)
class BodyChartBrowserIT {

  private static final List<String> VIEWS = List.of("back", "front", "side", "hands-feet");
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  /** The clinic's tablet: a 1024 × 768 viewport that reports a touch screen. */
  private static Browser touchTablet() {
    Browser tablet = Browser.tablet(clinic);
    ChromeDriver chrome = (ChromeDriver) tablet.driver();
    chrome.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 1024, "height", 768, "deviceScaleFactor", 1, "mobile", false));
    chrome.executeCdpCommand(
        "Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
    return tablet;
  }

  private static void openNote(Browser tablet) throws SQLException {
    long jonas = SoapNoteBrowserIT.clientIdFor(clinic, "Lindqvist");
    LoginScreen.open(tablet).signInAndWait("therapist2", RunningClinic.DEMO_PASSWORD);
    SoapNoteBrowserIT.startSession(tablet, jonas);
    assertEquals(1024L, tablet.script("return window.innerWidth;"));
    assertTrue((Boolean) tablet.script("return navigator.maxTouchPoints > 0;"), "a touch screen");
  }

  private static void showView(Browser tablet, String view) {
    tap(tablet, "chartTab-" + view);
    tablet.waitFor().until(d -> d.findElement(By.id("chartView-" + view)).isDisplayed());
  }

  private static void tap(Browser tablet, String id) {
    WebElement element = tablet.find(By.id(id));
    tablet.script("arguments[0].scrollIntoView({block: 'center'});", element);
    tablet.tap(element);
  }

  private static void awaitWorked(Browser tablet, String id, boolean worked) {
    tablet
        .waitFor()
        .until(d -> d.findElement(By.id(id)).getAttribute("class").contains("worked") == worked);
  }

  private static void awaitSaid(Browser tablet, String text) {
    tablet.waitFor().until(d -> d.findElement(By.id("chartSaid")).getText().equals(text));
  }

  /** Each row's chosen values ("LI4 Hegu | Left"), as its menus show them. */
  private static List<String> rows(Browser tablet, String css) {
    return tablet.driver().findElements(By.cssSelector(css)).stream()
        .map(
            row ->
                String.join(
                    " | ",
                    row.findElements(By.cssSelector(".ui-selectonemenu-label")).stream()
                        .map(label -> label.getDomProperty("textContent").strip())
                        .toList()))
        .toList();
  }

  /**
   * For each target of the view shown: its box measures at least 44 × 44 CSS pixels, and its centre
   * and four points 20 pixels from it diagonally land on it, not on a neighbour or the toolbar.
   * Returns what falls short, and adds "code side" of every target to {@code seen}.
   */
  @SuppressWarnings("unchecked")
  private static List<String> measure(Browser tablet, String view, Set<String> seen) {
    List<Map<String, Object>> found =
        (List<Map<String, Object>>)
            tablet.script(
                "var out = [];"
                    + "document.querySelectorAll('#chartView-' + arguments[0] + ' .chart-target')"
                    + ".forEach(function (t) {"
                    + "  t.scrollIntoView({block: 'center'});"
                    + "  var r = t.querySelector('.chart-hit').getBoundingClientRect();"
                    + "  var box = t.getBoundingClientRect();"
                    + "  var cx = r.left + r.width / 2, cy = r.top + r.height / 2, hidden = [];"
                    + "  [[0, 0], [-20, -20], [20, -20], [-20, 20], [20, 20]].forEach(function (d) {"
                    + "    var at = document.elementFromPoint(cx + d[0], cy + d[1]);"
                    + "    if (!at || at.closest('.chart-target') !== t) {"
                    + "      hidden.push(d + ' ' + (at ? (at.id || at.className.baseVal || at.tagName) : 'none'));"
                    + "    }"
                    + "  });"
                    + "  out.push({id: t.id, code: t.getAttribute('data-code'),"
                    + "    side: t.getAttribute('data-side'), width: Math.min(r.width, box.width),"
                    + "    height: Math.min(r.height, box.height), hidden: hidden.join('; '),"
                    + "    label: t.getAttribute('aria-label') || '', role: t.getAttribute('role'),"
                    + "    tabindex: t.getAttribute('tabindex')});"
                    + "});"
                    + "return out;",
                view);
    List<String> problems = new ArrayList<>();
    assertFalse(found.isEmpty(), "the " + view + " view has targets");
    for (Map<String, Object> target : found) {
      String id = (String) target.get("id");
      double width = ((Number) target.get("width")).doubleValue();
      double height = ((Number) target.get("height")).doubleValue();
      if (width < 44 || height < 44) {
        problems.add(id + " is " + width + " × " + height + " px");
      }
      if (!((String) target.get("hidden")).isEmpty()) {
        problems.add(id + " is covered at " + target.get("hidden"));
      }
      String label = (String) target.get("label");
      if (!label.contains("client's") && !label.contains("midline")) {
        problems.add(id + " has no name with its side: " + label);
      }
      if (!"button".equals(target.get("role")) || !"0".equals(target.get("tabindex"))) {
        problems.add(id + " is not a button the keyboard reaches");
      }
      seen.add(target.get("code") + " " + target.get("side"));
    }
    return problems;
  }

  @Test
  void everyTargetIsLargeEnoughForAFingerAndEveryBuiltInMuscleAndPointHasOne() throws Exception {
    try (Browser tablet = touchTablet()) {
      openNote(tablet);
      Set<String> seen = new HashSet<>();
      List<String> problems = new ArrayList<>();
      for (String view : VIEWS) {
        showView(tablet, view);
        tablet.script("document.getElementById('bodyChart').scrollIntoView();");
        ClientRecordBrowserIT.screenshot(tablet, "body-chart-" + view);
        problems.addAll(measure(tablet, view, seen));
      }
      assertEquals(List.of(), problems);

      Map<String, Boolean> builtIn = new HashMap<>();
      try (Connection db = clinic.database();
          Statement query = db.createStatement();
          ResultSet rs =
              query.executeQuery(
                  "select code, paired from catalogue_entry"
                      + " where built_in = true and kind in ('MUSCLE', 'POINT')")) {
        while (rs.next()) {
          builtIn.put(rs.getString(1), rs.getBoolean(2));
        }
      }
      assertEquals(23, builtIn.size(), "16 muscles, 2 reflex areas and 5 points: " + builtIn);
      builtIn.forEach(
          (code, paired) -> {
            for (String side : paired ? List.of("LEFT", "RIGHT") : List.of("MIDLINE")) {
              assertTrue(seen.contains(code + " " + side), code + " " + side + " has no target");
            }
          });
    }
  }

  @Test
  void tapsOnPointsReflexAreasAndMusclesChangeTheRowsSayWhatTheyDidAndAreSaved() throws Exception {
    try (Browser tablet = touchTablet()) {
      openNote(tablet);

      showView(tablet, "hands-feet");
      tap(tablet, "chart-hand-backs-LI4-LEFT");
      awaitWorked(tablet, "chart-hand-backs-LI4-LEFT", true);
      awaitSaid(tablet, "LI4 Hegu — client's left: added");
      tap(tablet, "chart-palms-PC6-RIGHT");
      awaitWorked(tablet, "chart-palms-PC6-RIGHT", true);
      awaitSaid(tablet, "PC6 Neiguan — client's right: added");
      List<String> points = rows(tablet, ".point-row");
      assertEquals(2, points.size(), points.toString());
      assertTrue(
          points.get(0).contains("LI4 Hegu") && points.get(0).contains("Left"), points.get(0));
      assertTrue(
          points.get(1).contains("PC6 Neiguan") && points.get(1).contains("Right"), points.get(1));
      assertFalse(
          tablet.find(By.id("chart-palms-PC6-LEFT")).getAttribute("class").contains("worked"));

      tap(tablet, "chart-soles-foot-reflex-areas-LEFT");
      awaitWorked(tablet, "chart-soles-foot-reflex-areas-LEFT", true);
      awaitSaid(tablet, "Foot reflex areas — client's left: added");
      List<String> muscles = rows(tablet, ".muscle-row");
      assertEquals(1, muscles.size(), muscles.toString());
      assertTrue(muscles.get(0).contains("Foot reflex areas"), muscles.get(0));
      assertTrue(muscles.get(0).contains("Reflexology (hands and feet)"), muscles.get(0));
      assertTrue(muscles.get(0).contains("Left"), muscles.get(0));

      // A row changed in the form changes the chart: the foot row made "Both" marks both soles.
      String footSide = tablet.find(By.cssSelector(".muscle-row [id$=':side']")).getAttribute("id");
      SoapNoteBrowserIT.selectOption(tablet, footSide, "BOTH");
      awaitWorked(tablet, "chart-soles-foot-reflex-areas-RIGHT", true);

      showView(tablet, "back");
      tap(tablet, "chart-back-suboccipitals-LEFT");
      awaitSaid(tablet, "Suboccipitals (group) — client's left: added");
      tap(tablet, "chart-back-suboccipitals-RIGHT");
      awaitSaid(tablet, "Suboccipitals (group) — client's right: added; now both sides");
      awaitWorked(tablet, "chart-back-suboccipitals-RIGHT", true);
      List<String> suboccipitals =
          rows(tablet, ".muscle-row").stream().filter(r -> r.contains("Suboccipitals")).toList();
      assertEquals(1, suboccipitals.size(), "left and right merge into one row");
      assertTrue(suboccipitals.get(0).contains("Both"), suboccipitals.get(0));
      tap(tablet, "chart-back-GV16-MIDLINE");
      awaitSaid(tablet, "GV16 Fengfu — midline: added");
      assertTrue(
          rows(tablet, ".point-row").stream()
              .anyMatch(r -> r.contains("GV16 Fengfu") && r.contains("Midline")));

      // The deep muscles close up, and the keyboard: Enter on a focused box toggles it and the
      // focus stays on it.
      tablet.script(
          "document.getElementById('chart-deep-obliquus-capitis-inferior-RIGHT').focus();");
      new Actions(tablet.driver()).sendKeys(Keys.ENTER).perform();
      awaitSaid(tablet, "Obliquus capitis inferior — client's right: added");
      awaitWorked(tablet, "chart-deep-obliquus-capitis-inferior-RIGHT", true);
      tablet
          .waitFor()
          .until(
              d ->
                  "chart-deep-obliquus-capitis-inferior-RIGHT"
                      .equals(tablet.script("return document.activeElement.id;")));
      new Actions(tablet.driver()).sendKeys(Keys.SPACE).perform();
      awaitSaid(tablet, "Obliquus capitis inferior — client's right: removed");
      assertEquals(
          "false",
          tablet
              .find(By.id("chart-deep-obliquus-capitis-inferior-RIGHT"))
              .getAttribute("aria-pressed"));

      tablet.click("note:save");
      tablet
          .waitFor()
          .until(d -> d.findElement(By.id("note:saveStatus")).getText().startsWith("Saved at "));
      tablet.driver().navigate().refresh();
      tablet.find(By.id("chartTab-back"));
      assertEquals(3, rows(tablet, ".point-row").size(), rows(tablet, ".point-row").toString());
      assertEquals(2, rows(tablet, ".muscle-row").size(), rows(tablet, ".muscle-row").toString());
      for (String id :
          List.of(
              "chart-back-suboccipitals-LEFT",
              "chart-back-suboccipitals-RIGHT",
              "chart-back-GV16-MIDLINE",
              "chart-hand-backs-LI4-LEFT",
              "chart-palms-PC6-RIGHT",
              "chart-soles-foot-reflex-areas-LEFT",
              "chart-soles-foot-reflex-areas-RIGHT")) {
        assertTrue(tablet.find(By.id(id)).getAttribute("class").contains("worked"), id);
        assertEquals("true", tablet.find(By.id(id)).getAttribute("aria-pressed"), id);
      }
    }
  }
}
