package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.RunningClinic;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The owner manages staff on a tablet-sized screen; the new person's first sign-in. */
class StaffManagementBrowserIT {

  private static RunningClinic clinic;
  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static String addStaffMember(
      Browser owner, String username, String name, String temporaryPassword) {
    owner.visit("/owner/staff.xhtml");
    owner.click("add");
    owner.awaitPath("/owner/staff-edit.xhtml");
    owner.type("edit:displayName", name);
    owner.type("edit:username", username);
    owner.type("edit:temporaryPassword", temporaryPassword);
    owner.submit("edit:save");
    owner.awaitPath("/owner/staff.xhtml");
    return owner.text();
  }

  @Test
  void newStaffMemberMustReplaceTheTemporaryPasswordAtFirstSignIn() {
    String username = "new" + UUID.randomUUID().toString().substring(0, 6);
    try (Browser owner = Browser.tablet(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      String list = addStaffMember(owner, username, "Lena Voss", "welcome to the clinic");
      assertTrue(list.contains("Lena Voss"));
      assertTrue(list.contains("must change password"));
    }
    try (Browser lena = Browser.tablet(clinic)) {
      LoginScreen.open(lena).signIn(username, "welcome to the clinic");
      lena.awaitPath("/account/password.xhtml");
      assertTrue(lena.text().contains("Choose your own before you continue"));

      lena.visit("/staff/dashboard.xhtml");
      lena.awaitPath("/account/password.xhtml");

      lena.type("password:current", "welcome to the clinic");
      lena.type("password:newPassword", "my own quiet password");
      lena.type("password:confirmation", "my own other password");
      lena.submit("password:change");
      lena.awaitText("The new password and its confirmation differ.");

      lena.type("password:current", "welcome to the clinic");
      lena.type("password:newPassword", "my own quiet password");
      lena.type("password:confirmation", "my own quiet password");
      lena.submit("password:change");
      lena.awaitPath("/staff/dashboard.xhtml");
      assertTrue(lena.text().contains("Your password has been changed."));
    }
  }

  @Test
  void ownerSeesSpecificMessagesForBadInput() {
    try (Browser owner = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      owner.visit("/owner/staff-edit.xhtml");
      owner.submit("edit:save");
      owner.awaitText("Enter the person's full name.");
      assertTrue(owner.text().contains("Choose a username."));

      owner.type("edit:displayName", "Short Password");
      owner.type("edit:username", "shortpw" + UUID.randomUUID().toString().substring(0, 4));
      owner.type("edit:temporaryPassword", "tiny");
      owner.submit("edit:save");
      owner.awaitText("The password must have at least 12 characters; it has 4.");

      owner.type("edit:username", "therapist1");
      owner.type("edit:temporaryPassword", "long enough for the rule");
      owner.submit("edit:save");
      owner.awaitText("The username \"therapist1\" is taken.");
      assertEquals("/owner/staff-edit.xhtml", owner.path());
    }
  }

  @Test
  void ownerChangesARoleAndDeactivatesAnAccountThatThenCannotSignIn() {
    String username = "leaver" + UUID.randomUUID().toString().substring(0, 5);
    try (Browser owner = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      addStaffMember(owner, username, "Otto Leaver", "temporary password one");

      owner.driver().findElement(By.linkText("Otto Leaver")).click();
      owner.awaitPath("/owner/staff-edit.xhtml");
      new Select(owner.find(By.id("edit:role"))).selectByVisibleText("Front desk");
      owner.submit("edit:save");
      owner.awaitText("Changes to Otto Leaver were saved.");

      By row = By.xpath("//tr[td//a[text()='Otto Leaver']]");
      assertTrue(owner.find(row).getText().contains("Front desk"));
      owner.find(row).findElement(By.xpath(".//button[.//span[text()='Deactivate']]")).click();
      owner.click(owner.find(By.cssSelector(".ui-confirmdialog-yes")).getAttribute("id"));
      owner.awaitText("Otto Leaver can no longer sign in.");
      assertTrue(owner.find(row).getText().contains("Deactivated"));
    }
    try (Browser otto = Browser.open(clinic)) {
      LoginScreen.open(otto).signIn(username, "temporary password one");
      otto.awaitText("Unknown username or wrong password.");
    }
  }

  @Test
  void unknownStaffIdShowsTheNotFoundPage() {
    try (Browser owner = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      owner.visit("/owner/staff-edit.xhtml?id=99999999");
      owner.awaitText("Page not found");
    }
  }
}
