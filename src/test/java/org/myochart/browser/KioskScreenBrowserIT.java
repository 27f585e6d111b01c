package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.RunningClinic;
import org.openqa.selenium.By;

/** The chrome-less kiosk screen on a tablet-sized window. */
class KioskScreenBrowserIT {

  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  @Test
  void lockedKioskShowsNoStaffNavigationAndCanBeZoomed() {
    try (Browser tablet = Browser.tablet(clinic)) {
      tablet.visit("/kiosk/index.xhtml");

      assertTrue(
          tablet.find(By.id("kioskLocked")).getText().contains("Please hand it to the front desk"));
      assertTrue(tablet.text().contains("Harbourside Migraine Massage"));
      assertEquals(0, tablet.driver().findElements(By.tagName("nav")).size());
      assertEquals(0, tablet.driver().findElements(By.id("signOut")).size());
      assertEquals(
          0,
          tablet.driver().findElements(By.tagName("a")).size(),
          "no link leads out of the kiosk");
      String viewport = tablet.find(By.cssSelector("meta[name=viewport]")).getAttribute("content");
      // A client who needs larger text may zoom (WCAG 1.4.4); the signature pad alone keeps the
      // finger for drawing.
      assertFalse(viewport.contains("user-scalable=no"), viewport);
      assertFalse(viewport.contains("maximum-scale"), viewport);
    }
  }

  @Test
  void everyKioskScreenFitsTheTabletAtTwiceTheTextSizeWithoutScrollingSideways() {
    List<String> tooWide = new ArrayList<>();
    try (Browser tablet = Browser.tabletAtTwiceTheSize(clinic)) {
      assertEquals(512L, tablet.script("return window.innerWidth;"));
      KioskVisit.walkThrough(
          tablet,
          screen -> {
            ClientRecordBrowserIT.screenshot(tablet, "zoom-" + screen.replaceAll("\\W+", "-"));
            Number scrollWidth =
                (Number) tablet.script("return document.documentElement.scrollWidth;");
            Number clientWidth =
                (Number) tablet.script("return document.documentElement.clientWidth;");
            if (scrollWidth.longValue() > clientWidth.longValue()) {
              tooWide.add(
                  screen
                      + ": "
                      + scrollWidth
                      + " CSS px wide in a "
                      + clientWidth
                      + " px screen; wider than the screen: "
                      + tablet.script(WIDER_THAN_THE_SCREEN));
            }
          });
    }
    assertTrue(tooWide.isEmpty(), String.join("\n", tooWide));
  }

  /** The innermost elements whose right edge lies past the screen's, for the failure message. */
  private static final String WIDER_THAN_THE_SCREEN =
      "var width = document.documentElement.clientWidth, found = [];"
          + "document.querySelectorAll('body *').forEach(function (e) {"
          + "  var box = e.getBoundingClientRect();"
          + "  if (box.right > width + 1 && box.width > 0"
          + "      && !Array.from(e.children).some(function (c) {"
          + "           return c.getBoundingClientRect().right > width + 1; })) {"
          + "    found.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
          + "      + (e.className && e.className.baseVal === undefined ? '.' + String(e.className)"
          + "           .trim().split(/\\s+/).join('.') : '') + ' (right edge ' + Math.round(box.right) + ')');"
          + "  }"
          + "});"
          + "return found.slice(0, 8).join(', ');";
}
