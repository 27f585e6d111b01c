package org.myochart.platform.web;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Iterator;
import org.myochart.platform.DatabaseOutage;

/**
 * Faces requests, AJAX ones included, that failed because the database is not answering are
 * answered 503 (see {@link DatabaseOutage}) rather than redirected to the error page: the note
 * page's autosave then tells the therapist that the draft was not saved.
 */
public class DatabaseOutageHandlerFactory extends ExceptionHandlerFactory {

  public DatabaseOutageHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      boolean outage = false;
      for (ExceptionQueuedEvent event : getUnhandledExceptionQueuedEvents()) {
        outage |= DatabaseOutage.isCause(event.getContext().getException());
      }
      FacesContext faces = FacesContext.getCurrentInstance();
      if (outage && faces != null) {
        ExternalContext external = faces.getExternalContext();
        if (DatabaseOutage.answer(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse())) {
          Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
          while (events.hasNext()) {
            events.next();
            events.remove();
          }
          faces.responseComplete();
          return;
        }
      }
      getWrapped().handle();
    }
  }
}
