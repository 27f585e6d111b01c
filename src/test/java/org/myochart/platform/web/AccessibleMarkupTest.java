package org.myochart.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/** The markup the corrected PrimeFaces renderers write, as a screen reader receives it. */
class AccessibleMarkupTest {

  @Test
  void theMessageBoxIsTheAlertAndItsListItemsStayListItems() throws IOException {
    Markup markup = new Markup();
    ResponseWriter writer = new AccessibleMessagesRenderer.AlertBox(markup);
    // As PrimeFaces writes one severity's messages.
    writer.startElement("div", null);
    writer.writeAttribute("class", "ui-messages-error", null);
    writer.startElement("ul", null);
    for (String message : new String[] {"Enter the full name.", "Please sign."}) {
      writer.startElement("li", null);
      writer.writeAttribute("role", "alert", null);
      writer.writeAttribute("aria-atomic", "true", null);
      writer.startElement("span", null);
      writer.writeAttribute("class", "ui-messages-error-summary", null);
      writer.writeText(message, null);
      writer.endElement("span");
      writer.endElement("li");
    }
    writer.endElement("ul");
    writer.endElement("div");

    assertEquals(
        "<div role=\"alert\" aria-atomic=\"true\" class=\"ui-messages-error\"><ul>"
            + "<li><span class=\"ui-messages-error-summary\">Enter the full name.</span></li>"
            + "<li><span class=\"ui-messages-error-summary\">Please sign.</span></li>"
            + "</ul></div>",
        markup.toString());
  }

  @Test
  void thePlainFileFieldIsNotHiddenFromScreenReaders() throws IOException {
    Markup markup = new Markup();
    ResponseWriter writer = new AccessibleFileUploadRenderer.ShownToEveryone(markup);
    writer.startElement("input", null);
    writer.writeAttribute("type", "file", null);
    writer.writeAttribute("id", "verify:file", null);
    writer.writeAttribute("aria-hidden", "true", null);
    writer.writeAttribute("accept", ".pdf", null);
    writer.endElement("input");

    assertEquals(
        "<input type=\"file\" id=\"verify:file\" accept=\".pdf\"></input>", markup.toString());
  }

  /** Writes elements as plain text, enough to compare what a renderer wrote. */
  private static final class Markup extends ResponseWriter {
    private final StringBuilder text = new StringBuilder();
    private boolean open;

    private void closeStartTag() {
      if (open) {
        text.append('>');
        open = false;
      }
    }

    @Override
    public void startElement(String name, UIComponent component) {
      closeStartTag();
      text.append('<').append(name);
      open = true;
    }

    @Override
    public void endElement(String name) {
      closeStartTag();
      text.append("</").append(name).append('>');
    }

    @Override
    public void writeAttribute(String name, Object value, String property) {
      text.append(' ').append(name).append("=\"").append(value).append('"');
    }

    @Override
    public void writeURIAttribute(String name, Object value, String property) {
      writeAttribute(name, value, property);
    }

    @Override
    public void writeText(Object value, String property) {
      closeStartTag();
      text.append(value);
    }

    @Override
    public void writeText(char[] chars, int offset, int length) {
      closeStartTag();
      text.append(chars, offset, length);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      closeStartTag();
      text.append(chars, offset, length);
    }

    @Override
    public void writeComment(Object comment) {}

    @Override
    public void startDocument() {}

    @Override
    public void endDocument() {}

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String getContentType() {
      return "text/html";
    }

    @Override
    public String getCharacterEncoding() {
      return "UTF-8";
    }

    @Override
    public ResponseWriter cloneWithWriter(Writer writer) {
      // The renderers under test write to the one writer they are given; none clones it.
      throw new UnsupportedOperationException("not needed by the renderers under test");
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
