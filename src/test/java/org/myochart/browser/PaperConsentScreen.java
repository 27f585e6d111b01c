package org.myochart.browser;

import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** "Record a paper consent", as front-desk staff fill it in from a signed paper form. */
public final class PaperConsentScreen {

  private final Browser browser;

  private PaperConsentScreen(Browser browser) {
    this.browser = browser;
  }

  public static PaperConsentScreen open(Browser browser, long client) {
    browser.visit("/staff/consents/paper.xhtml?client=" + client);
    return new PaperConsentScreen(browser);
  }

  /**
   * Records the form signed on that day by that name, every statement ticked and every technique
   * accepted.
   */
  public void recordFullyAccepted(String signedOn, String signerName, Path scan) {
    browser.type("paper:signedOn", signedOn);
    browser.type("paper:typedName", signerName);
    browser
        .find(By.id("paper:allAcknowledged"))
        .findElement(By.cssSelector(".ui-chkbox-box"))
        .click();
    for (WebElement row : browser.driver().findElements(By.cssSelector(".kiosk-question"))) {
      row.findElement(
              By.xpath(".//div[contains(@class,'ui-button')][normalize-space(.)='Accepted']"))
          .click();
    }
    browser.find(By.id("paper:scan")).sendKeys(scan.toAbsolutePath().toString());
    browser.submit("paper:save");
    browser.awaitText("The paper consent was recorded.");
  }
}
