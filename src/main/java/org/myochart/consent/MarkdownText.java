package org.myochart.consent;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Form bodies are Markdown. Rendering escapes any raw HTML the author typed and drops unsafe link
 * targets (such as {@code javascript:}), so a form body can never carry script to the tablet.
 */
public final class MarkdownText {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private MarkdownText() {}

  public static String toHtml(String markdown) {
    return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
  }
}
