package org.myochart.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Puts a message on the page being rendered, where the template's messages component shows it. */
public final class Messages {

  private Messages() {}

  public static void error(String text) {
    add(FacesMessage.SEVERITY_ERROR, text);
  }

  public static void info(String text) {
    add(FacesMessage.SEVERITY_INFO, text);
  }

  /**
   * Shows a refusal: each field problem next to its field in {@code formId}, and the summary at the
   * top of the page.
   */
  public static void refused(org.myochart.platform.RuleViolation refusal, String formId) {
    FacesContext faces = FacesContext.getCurrentInstance();
    refusal
        .fieldProblems()
        .forEach(
            (field, text) ->
                faces.addMessage(
                    formId + ":" + field,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null)));
    faces.validationFailed();
    error(refusal.getMessage());
  }

  /** A message that survives the redirect after a successful save. */
  public static void flash(String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().getFlash().setKeepMessages(true);
    info(text);
  }

  private static void add(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }
}
