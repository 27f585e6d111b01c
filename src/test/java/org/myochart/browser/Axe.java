package org.myochart.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks the page a browser shows with axe-core against WCAG 2.0 and 2.1, levels A and AA. The
 * checker is the npm package the test machine script installs with {@code npm ci} into {@code
 * target/test-js} (ADR-067); without it the checks are skipped with a loud message, and under
 * CI=true the test fails instead.
 *
 * <p>The script is run through WebDriver, not added as a {@code <script>} element, so the pages'
 * Content-Security-Policy stays as strict as clinics get it and reports nothing.
 */
public final class Axe {

  /** The rules of these tags run; best practices outside WCAG do not fail a page. */
  static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  /** The impacts that fail a page; moderate and minor findings are left to judgement. */
  static final List<String> FAILING_IMPACTS = List.of("serious", "critical");

  private static volatile String source;

  private Axe() {}

  /** One rule a page breaks, with the elements that break it. */
  public record Violation(
      String rule, String impact, String help, String helpUrl, List<Node> nodes) {

    /** One element: its CSS selector path (through shadow roots and frames) and what is wrong. */
    public record Node(String target, String html, String summary) {}

    String describe() {
      StringBuilder text =
          new StringBuilder()
              .append("  ")
              .append(rule)
              .append(" (")
              .append(impact)
              .append("): ")
              .append(help)
              .append("\n    ")
              .append(helpUrl);
      for (Node node : nodes) {
        text.append("\n    - ").append(node.target()).append("  ").append(node.html());
        for (String line : node.summary().split("\n")) {
          if (!line.isBlank()) {
            text.append("\n        ").append(line.strip());
          }
        }
      }
      return text.toString();
    }
  }

  /** Where the test machine script installs axe-core. */
  static Path installed() {
    return Path.of(
        System.getProperty("myochart.it.targetDir", "target"),
        "test-js",
        "node_modules",
        "axe-core",
        "axe.min.js");
  }

  /**
   * Skips the calling test when axe-core is not installed (fails it under CI=true), as {@link
   * Browser} does for a missing Chromium.
   */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(installedOrSaySo(), "axe-core is not installed at " + installed());
  }

  /**
   * Whether axe-core is installed; when it is not, says so loudly and, under CI=true, fails the
   * test instead of letting it pass unchecked.
   */
  private static boolean installedOrSaySo() {
    boolean available = Files.isReadable(installed());
    if (!available) {
      System.err.println(
          "\n########## ACCESSIBILITY CHECK SKIPPED: "
              + installed()
              + " is missing. src/test/sh/prepare-test-machine.sh installs it with npm ci"
              + " (mvn verify runs it); install Debian's npm. ##########\n");
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail("axe-core is not installed at " + installed());
      }
    }
    return available;
  }

  private static String source() {
    if (source == null) {
      try {
        source = Files.readString(installed(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read " + installed(), e);
      }
    }
    return source;
  }

  /** Every serious or critical WCAG A/AA violation on the page the browser shows now. */
  public static List<Violation> violations(Browser browser) {
    assumeInstalled();
    if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object';"))) {
      browser.script(source() + "\n;return true;");
    }
    Object result =
        browser.executeAsync(
            "var tags = arguments[0], failing = arguments[1];"
                + "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: tags},"
                + "                   resultTypes: ['violations']})"
                + ".then(function (r) {"
                + "  done(r.violations"
                + "    .filter(function (v) { return failing.indexOf(v.impact) >= 0; })"
                + "    .map(function (v) {"
                + "      return {id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,"
                + "              nodes: v.nodes.map(function (n) {"
                + "                return {target: JSON.stringify(n.target), html: n.html,"
                + "                        summary: n.failureSummary || ''}; })}; }));"
                + "})"
                + ".catch(function (e) { done('axe failed: ' + e); });",
            WCAG_TAGS,
            FAILING_IMPACTS);
    if (result instanceof String failure) {
      throw new IllegalStateException(failure);
    }
    List<Violation> violations = new ArrayList<>();
    for (Object item : (List<?>) result) {
      Map<?, ?> v = (Map<?, ?>) item;
      List<Violation.Node> nodes = new ArrayList<>();
      for (Object n : (List<?>) v.get("nodes")) {
        Map<?, ?> node = (Map<?, ?>) n;
        nodes.add(
            new Violation.Node(
                String.valueOf(node.get("target")),
                shorten(String.valueOf(node.get("html"))),
                String.valueOf(node.get("summary"))));
      }
      violations.add(
          new Violation(
              String.valueOf(v.get("id")),
              String.valueOf(v.get("impact")),
              String.valueOf(v.get("help")),
              String.valueOf(v.get("helpUrl")),
              nodes));
    }
    return violations;
  }

  /**
   * Fails with a readable list when the page the browser shows has a serious violation. Without
   * axe-core the check is skipped with a loud message (failed under CI=true) and the calling test
   * goes on with its other checks.
   */
  public static void check(Browser browser, String page) {
    if (!installedOrSaySo()) {
      return;
    }
    String report = report(page, browser.path(), violations(browser));
    if (!report.isEmpty()) {
      throw new AssertionError(report);
    }
  }

  /** The violations as a person reads them, or an empty text when there are none. */
  static String report(String page, String path, List<Violation> violations) {
    if (violations.isEmpty()) {
      return "";
    }
    StringBuilder text =
        new StringBuilder()
            .append(page)
            .append(" (")
            .append(path)
            .append(") has ")
            .append(violations.size())
            .append(" serious or critical accessibility violation")
            .append(violations.size() == 1 ? "" : "s")
            .append(":");
    for (Violation violation : violations) {
      text.append("\n").append(violation.describe());
    }
    return text.toString();
  }

  private static String shorten(String html) {
    String line = html.replaceAll("\\s+", " ");
    return line.length() > 160 ? line.substring(0, 157) + "..." : line;
  }
}
