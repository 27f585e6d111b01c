package org.myochart.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import java.util.List;
import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * PrimeFaces' messages as a screen reader can read them: PrimeFaces marks each {@code <li>} of a
 * message list as an alert, which takes it out of its list (WCAG 1.3.1); here the box of each
 * severity is the alert, and the list stays a list. Registered in faces-config.xml for every {@code
 * p:messages}.
 */
public class AccessibleMessagesRenderer extends MessagesRenderer {

  @Override
  protected void encodeMessages(
      FacesContext context, Messages messages, String severity, List<FacesMessage> list)
      throws IOException {
    ResponseWriter original = context.getResponseWriter();
    context.setResponseWriter(new AlertBox(original));
    try {
      super.encodeMessages(context, messages, severity, list);
    } finally {
      context.setResponseWriter(original);
    }
  }

  /** Writes the alert role on the severity's box instead of on each list item. */
  static final class AlertBox extends ResponseWriterWrapper {

    private boolean boxStarted;
    private String element;

    AlertBox(ResponseWriter wrapped) {
      super(wrapped);
    }

    @Override
    public void startElement(String name, UIComponent component) throws IOException {
      super.startElement(name, component);
      element = name;
      if (!boxStarted && "div".equals(name)) {
        boxStarted = true;
        super.writeAttribute("role", "alert", null);
        super.writeAttribute("aria-atomic", "true", null);
      }
    }

    @Override
    public void writeAttribute(String name, Object value, String property) throws IOException {
      boolean itemAlert =
          "li".equals(element) && ("role".equals(name) || "aria-atomic".equals(name));
      if (!itemAlert) {
        super.writeAttribute(name, value, property);
      }
    }
  }
}
