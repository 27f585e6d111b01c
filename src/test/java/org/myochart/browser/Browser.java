package org.myochart.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.myochart.testsupport.RunningClinic;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver. When either is missing the browser tests
 * are skipped with a loud message (the test machine script tries to install them first). Closing
 * the browser fails the test when the console reported a Content-Security-Policy violation on any
 * page it showed, so every browser test also checks the policy.
 *
 * <p>Starting Chromium and chromedriver costs seconds on two cores, so a closed browser is not
 * ended but emptied (its windows, cookies, storage and console) and handed to the next test.
 */
public final class Browser implements AutoCloseable {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private static final List<String> CSP_VIOLATIONS =
      List.of(
          "Content Security Policy",
          "Refused to execute",
          "Refused to apply",
          "Refused to load",
          "Refused to evaluate",
          "Refused to connect",
          "Refused to frame");

  /**
   * Emptied browsers waiting for the next test, at most {@link #KEPT}; ended when the test JVM
   * ends.
   */
  private static final Deque<ChromeDriver> IDLE = new ConcurrentLinkedDeque<>();

  private static final int KEPT = 3;

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (ChromeDriver idle = IDLE.poll(); idle != null; idle = IDLE.poll()) {
                    quit(idle);
                  }
                }));
  }

  private final ChromeDriver driver;
  private final RunningClinic clinic;
  private final List<String> console = new ArrayList<>();

  private Browser(ChromeDriver driver, RunningClinic clinic) {
    this.driver = driver;
    this.clinic = clinic;
  }

  /** A desktop-sized window. */
  public static Browser open(RunningClinic clinic) {
    return open(clinic, new Dimension(1280, 900));
  }

  /** A 1366×768 window, the owner's laptop. */
  public static Browser laptop(RunningClinic clinic) {
    return open(clinic, new Dimension(1366, 768));
  }

  /** A 1024×768 tablet-sized window. */
  public static Browser tablet(RunningClinic clinic) {
    return open(clinic, new Dimension(1024, 768));
  }

  /**
   * The 1024×768 tablet with its text zoomed to 200 %: pages are laid out in 512×384 CSS pixels,
   * drawn with two device pixels to each. The emulation belongs to this browser's tab, which goes
   * when the browser is emptied for the next test.
   */
  public static Browser tabletAtTwiceTheSize(RunningClinic clinic) {
    Browser browser = open(clinic, new Dimension(1024, 768));
    browser.driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 512, "height", 384, "deviceScaleFactor", 2, "mobile", false));
    return browser;
  }

  private static Browser open(RunningClinic clinic, Dimension size) {
    boolean available = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    if (!available) {
      System.err.println(
          "\n########## BROWSER TEST SKIPPED: "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing. Install Debian's chromium and chromium-driver. ##########\n");
    }
    // Skipped on a developer's machine without it; under CI=true a missing tool fails the run.
    if ("true".equals(System.getenv("CI"))) {
      org.junit.jupiter.api.Assertions.assertTrue(
          available, "Debian chromium and chromium-driver are not installed");
    }
    Assumptions.assumeTrue(available, "Debian chromium and chromium-driver are not installed");
    ChromeDriver driver = IDLE.poll();
    if (driver == null) {
      driver = start();
    }
    driver.manage().window().setSize(size);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    return new Browser(driver, clinic);
  }

  private static ChromeDriver start() {
    try {
      Path profile = Files.createTempDirectory("myochart-chromium");
      ChromeOptions options =
          new ChromeOptions()
              .setBinary(CHROMIUM)
              .addArguments(
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--disable-dev-shm-usage",
                  "--user-data-dir=" + profile);
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(CHROMEDRIVER))
              .usingAnyFreePort()
              .build();
      return new ChromeDriver(service, options);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Browser visit(String path) {
    driver.get(clinic.uri(path).toString());
    return this;
  }

  public String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public WebElement find(By by) {
    return waitFor().until(ExpectedConditions.presenceOfElementLocated(by));
  }

  /** Types into a field, trying again if the page replaced the field while typing began. */
  public void type(String id, String value) {
    waitFor()
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d -> {
              WebElement field = d.findElement(By.id(id));
              field.clear();
              field.sendKeys(value);
              String type = String.valueOf(field.getAttribute("type"));
              return value.equals(field.getAttribute("value"))
                  || type.equals("file")
                  || type.equals("password");
            });
  }

  /** Clicks, trying again while the page is still swapping the element for a fresh one. */
  public void click(String id) {
    click(By.id(id));
  }

  /**
   * Clicks the element the locator finds, looking it up again when a partial update (a search list
   * refreshed while typing, say) replaced it between finding and clicking.
   */
  public void click(By by) {
    waitFor()
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d -> {
              WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
              if (element == null) {
                return false;
              }
              // Centred, so that a sticky toolbar cannot lie over it.
              ((org.openqa.selenium.JavascriptExecutor) d)
                  .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
              element.click();
              return true;
            });
  }

  /** Clicks a button that submits the whole page and waits until the next page has replaced it. */
  public void submit(String id) {
    WebElement page = driver.findElement(By.tagName("html"));
    click(id);
    waitFor().until(d -> isDetached(page));
  }

  /** Chromium reports a replaced node either as stale or as not belonging to the document. */
  private static boolean isDetached(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.WebDriverException gone) {
      return true;
    }
  }

  /** A finger tap, as on the clinic's tablet. */
  public void tap(WebElement element) {
    waitFor().until(ExpectedConditions.elementToBeClickable(element));
    PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
    Sequence tap =
        new Sequence(finger, 0)
            .addAction(
                finger.createPointerMove(
                    Duration.ZERO, PointerInput.Origin.fromElement(element), 0, 0))
            .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
            .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
    ((RemoteWebDriver) driver).perform(List.of(tap));
  }

  public void tap(By by) {
    tap(find(by));
  }

  /**
   * Draws one stroke with a finger on the element, through the given points (pixels from the
   * element's centre), as a client signs on the tablet.
   */
  public void drawWithFinger(WebElement element, int[][] points) {
    PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
    Sequence stroke =
        new Sequence(finger, 0)
            .addAction(
                finger.createPointerMove(
                    Duration.ZERO,
                    PointerInput.Origin.fromElement(element),
                    points[0][0],
                    points[0][1]))
            .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
    for (int i = 1; i < points.length; i++) {
      stroke.addAction(
          finger.createPointerMove(
              Duration.ofMillis(12),
              PointerInput.Origin.fromElement(element),
              points[i][0],
              points[i][1]));
    }
    stroke.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
    ((RemoteWebDriver) driver).perform(List.of(stroke));
  }

  /** Runs a script in the page and returns its result. */
  public Object script(String script, Object... args) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * Runs a script that answers later: it calls its last argument with the result, which is
   * returned.
   */
  public Object executeAsync(String script, Object... args) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  public void awaitPath(String path) {
    waitFor().until(d -> path().equals(path));
  }

  public void awaitText(String text) {
    waitFor().until(d -> text().contains(text));
  }

  public WebDriverWait waitFor() {
    return waitFor(Duration.ofSeconds(20));
  }

  public WebDriverWait waitFor(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  public String sessionCookie() {
    Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
    return cookie == null ? null : cookie.getValue();
  }

  public WebDriver driver() {
    return driver;
  }

  /** Every console entry since the browser opened, oldest first. */
  public List<String> console() {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      console.add(entry.getLevel() + " " + entry.getMessage());
    }
    return List.copyOf(console);
  }

  /** The console entries that say the Content-Security-Policy blocked something. */
  public List<String> cspViolations() {
    return console().stream()
        .filter(line -> CSP_VIOLATIONS.stream().anyMatch(line::contains))
        .toList();
  }

  /** Fails when the console reported a Content-Security-Policy violation so far. */
  public void assertNoCspViolations(String where) {
    List<String> violations = cspViolations();
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "Content-Security-Policy violations " + where + ":\n" + String.join("\n", violations));
    }
  }

  @Override
  public void close() {
    List<String> violations;
    try {
      violations = cspViolations();
    } finally {
      release();
    }
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "Content-Security-Policy violations in the browser console:\n"
              + String.join("\n", violations));
    }
  }

  /**
   * Empties this browser for the next test, or ends it when it cannot be emptied or enough wait.
   */
  private void release() {
    try {
      // A new tab has no history and no session storage; the test's tabs go.
      List<String> used = new ArrayList<>(driver.getWindowHandles());
      driver.switchTo().newWindow(WindowType.TAB);
      String fresh = driver.getWindowHandle();
      for (String window : used) {
        driver.switchTo().window(window).close();
      }
      driver.switchTo().window(fresh);
      driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
      String origin = clinic.baseUrl().replaceAll("/+$", "");
      driver.executeCdpCommand(
          "Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
      driver.manage().logs().get(LogType.BROWSER);
      if (IDLE.size() < KEPT) {
        IDLE.push(driver);
        return;
      }
    } catch (RuntimeException cannotBeEmptied) {
      // an open alert, a crashed tab: start afresh next time
    }
    quit(driver);
  }

  private static void quit(ChromeDriver driver) {
    try {
      driver.quit();
    } catch (RuntimeException alreadyGone) {
      // nothing left to end
    }
  }
}
