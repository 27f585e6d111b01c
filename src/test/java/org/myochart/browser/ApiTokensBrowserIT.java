package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The owner issues an API token on the page, sees it once, and revokes it. */
@ResourceLock(SharedDemoData.API_TOKENS)
class ApiTokensBrowserIT {

  private static RunningClinic clinic;
  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static HttpResponse<String> me(String token) {
    return Http.send(
        HttpRequest.newBuilder(clinic.uri("/api/v1/staff/me"))
            .header("Authorization", "Bearer " + token));
  }

  @Test
  void ownerIssuesATokenThatIsShownOnceWorksOnTheApiAndStopsWhenRevoked() {
    String name = "Booking sync " + UUID.randomUUID().toString().substring(0, 6);
    String token;
    try (Browser owner = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      owner.click("navApiTokens");
      owner.awaitPath("/owner/api-tokens.xhtml");

      // Refused input keeps what was typed and says what is wrong.
      owner.type("issue:name", name);
      owner.type("issue:validDays", "400");
      owner.click("issue:issueToken");
      owner.awaitText("Choose whose account the token acts for.");
      new Select(owner.find(By.id("issue:account")))
          .selectByVisibleText("Tomás Reyes, LMT (therapist1, Therapist)");
      owner.click("issue:issueToken");
      owner.awaitText("A token is valid for 1 to 365 days.");
      assertEquals(name, owner.find(By.id("issue:name")).getAttribute("value"));

      owner.type("issue:validDays", "30");
      owner.click("issue:issueToken");
      owner.awaitText("Copy it now");
      token = owner.find(By.id("newToken")).getText().strip();
      assertTrue(token.startsWith("myo_"), token);

      HttpResponse<String> me = me(token);
      assertEquals(200, me.statusCode(), me.body());
      assertEquals("therapist1", Http.json(me).getString("username"));

      // Shown once: a reload shows the token's row, never the token.
      owner.visit("/owner/api-tokens.xhtml");
      owner.awaitText(name);
      assertFalse(owner.driver().getPageSource().contains(token));

      By revoke =
          By.xpath(
              "//tr[td[contains(normalize-space(.), '"
                  + name
                  + "')]]//button[contains(normalize-space(.), 'Revoke')]");
      owner.click(revoke);
      owner.click(By.cssSelector(".ui-confirmdialog-yes"));
      owner.awaitText("is revoked; its next use is refused.");
      owner.awaitText("Revoked ");
    }
    // The revoked token no longer works.
    HttpResponse<String> refused = me(token);
    assertEquals(401, refused.statusCode());
    assertTrue(Http.json(refused).getString("message").contains("revoked"), refused.body());
  }
}
