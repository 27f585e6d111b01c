package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void lockedKioskShowsNoStaffNavigationAndCannotBeZoomed() {
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
      assertTrue(viewport.contains("user-scalable=no"), viewport);
    }
  }
}
