package org.myochart.platform.web;

import jakarta.faces.context.FacesContext;
import java.io.IOException;

/** Ends a page request with an HTTP error, shown by the clinic's error pages. */
public final class Responses {

  private Responses() {}

  public static void sendError(int status, String message) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().responseSendError(status, message);
    faces.responseComplete();
  }
}
