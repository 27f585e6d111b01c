package org.myochart.browser;

/** The sign-in page, as a person uses it. */
public final class LoginScreen {

  private final Browser browser;

  public LoginScreen(Browser browser) {
    this.browser = browser;
  }

  public static LoginScreen open(Browser browser) {
    browser.visit("/login.xhtml");
    browser.awaitPath("/login.xhtml");
    return new LoginScreen(browser);
  }

  public void signIn(String username, String password) {
    browser.type("login:username", username);
    browser.type("login:password", password);
    browser.submit("login:signIn");
  }

  /** Signs in and waits for the dashboard. */
  public void signInAndWait(String username, String password) {
    signIn(username, password);
    browser.awaitPath("/staff/dashboard.xhtml");
  }
}
