package org.myochart.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {

  @Test
  void escapesAScriptTagInTheBody() {
    String html = MarkdownText.toHtml("Please read this.\n\n<script>alert(1)</script>\n\nAnd this <script src=x></script>.");

    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
  }

  @Test
  void escapesOtherRawHtml() {
    String html = MarkdownText.toHtml("<img src=x onerror=alert(1)>\n\nText with <iframe src=\"https://evil.example\"></iframe>");

    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("<iframe"), html);
  }

  @Test
  void dropsJavascriptLinkTargets() {
    for (String markdown : new String[] {
        "[x](javascript:alert(1))",
        "[x](JavaScript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "<javascript:alert(1)>",
        "[x][evil]\n\n[evil]: javascript:alert(1)",
        "![x](javascript:alert(1))"}) {
      String html = MarkdownText.toHtml(markdown);

      assertFalse(html.toLowerCase(Locale.ROOT).matches("(?s).*(href|src)=\"[^\"]*javascript:.*"),
          () -> markdown + " gave " + html);
    }
  }

  @Test
  void keepsOrdinaryLinks() {
    String html = MarkdownText.toHtml("[our prices](https://clinic.example/prices)");

    assertTrue(html.contains("href=\"https://clinic.example/prices\""), html);
    assertTrue(html.contains(">our prices</a>"), html);
  }

  @Test
  void rendersHeadingsListsAndBold() {
    String html = MarkdownText.toHtml("# Consent\n\n## Risks\n\n- soreness\n- bruising\n\n1. first\n2. second\n\nThis is **important**.");

    assertTrue(html.contains("<h1>Consent</h1>"), html);
    assertTrue(html.contains("<h2>Risks</h2>"), html);
    assertTrue(html.contains("<ul>\n<li>soreness</li>\n<li>bruising</li>\n</ul>"), html);
    assertTrue(html.contains("<ol>\n<li>first</li>\n<li>second</li>\n</ol>"), html);
    assertTrue(html.contains("<strong>important</strong>"), html);
  }

  @Test
  void escapesSpecialCharactersInText() {
    assertEquals("<p>Fees &amp; charges &lt; 100 kr</p>\n", MarkdownText.toHtml("Fees & charges < 100 kr"));
  }

  @Test
  void noBodyRendersAsNothing() {
    assertEquals("", MarkdownText.toHtml(null));
    assertEquals("", MarkdownText.toHtml(""));
  }

  @Test
  void aPublishedVersionShowsItsBodyAsSafeHtml() {
    FormDraft draft = new FormDraft("Consent", "**Read** <b onclick=x>this</b>", java.util.List.of("I agree"),
        java.util.List.of(), 12, false, false);

    String html = ConsentFixtures.version(ConsentFixtures.form(), 1, draft).getBodyHtml();

    assertTrue(html.contains("<strong>Read</strong>"));
    assertFalse(html.contains("<b "), html);
  }
}
