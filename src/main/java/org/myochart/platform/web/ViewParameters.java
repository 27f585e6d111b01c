package org.myochart.platform.web;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.el.ValueExpression;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.view.ViewMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.myochart.platform.AccessRefused;

/**
 * Keeps the record a page shows where the page put it. A view parameter (a client's or note's id in
 * the address) is read once, when the page is opened; a postback that names a different record
 * under that parameter is a crafted request and is refused with 403, raised as {@link
 * AccessRefused} (which the audit trail records), before any value reaches the page. An id that is
 * not a number answers 404, as an unknown id does, instead of rendering a page without its record.
 */
public class ViewParameters implements PhaseListener {

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.ANY_PHASE;
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    if (faces.getResponseComplete()) {
      return;
    }
    if (event.getPhaseId() == PhaseId.RESTORE_VIEW && faces.isPostback()) {
      refuseChangedRecord(faces);
    } else if (event.getPhaseId() == PhaseId.PROCESS_VALIDATIONS && !faces.isPostback()) {
      refuseMalformedIds(faces);
    }
  }

  @Override
  public void beforePhase(PhaseEvent event) {}

  private static void refuseChangedRecord(FacesContext faces) {
    Map<String, String> posted = faces.getExternalContext().getRequestParameterMap();
    for (UIViewParameter parameter : parameters(faces.getViewRoot())) {
      String name = parameter.getName();
      if (name == null || !posted.containsKey(name)) {
        continue;
      }
      ValueExpression value = parameter.getValueExpression("value");
      Object shown = value == null ? null : value.getValue(faces.getELContext());
      String postedValue = posted.get(name);
      if (!Objects.equals(shown == null ? null : shown.toString(), postedValue)) {
        String viewId = faces.getViewRoot().getViewId();
        String detail =
            JSON.createObjectBuilder()
                .add("parameter", name)
                .add("shown", String.valueOf(shown))
                .add("posted", clip(postedValue))
                .add("message", "A form was sent back naming another record than its page shows.")
                .build()
                .toString();
        CDI.current()
            .getBeanManager()
            .getEvent()
            .select(AccessRefused.class)
            .fire(new AccessRefused("Page", viewId, detail));
        send(
            faces,
            403,
            "This form belongs to another record than the one it was sent for. Open the record again"
                + " from its own page.");
        return;
      }
    }
  }

  private static void refuseMalformedIds(FacesContext faces) {
    for (UIViewParameter parameter : parameters(faces.getViewRoot())) {
      if (!parameter.isValid()) {
        send(
            faces,
            404,
            "There is no such record: the address names it with \""
                + parameter.getName()
                + "\", which must be a number.");
        return;
      }
    }
  }

  private static Collection<UIViewParameter> parameters(UIViewRoot root) {
    return root == null ? java.util.List.of() : ViewMetadata.getViewParameters(root);
  }

  private static void send(FacesContext faces, int status, String message) {
    try {
      faces.getExternalContext().responseSendError(status, message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  private static String clip(String value) {
    return value == null || value.length() <= 40 ? String.valueOf(value) : value.substring(0, 40);
  }
}
