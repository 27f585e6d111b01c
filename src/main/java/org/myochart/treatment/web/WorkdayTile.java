package org.myochart.treatment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.myochart.treatment.WorkLists;
import org.myochart.treatment.Workday;

/** The dashboard's day for a therapist (their caseload) or the owner (the whole clinic). */
@Named
@RequestScoped
public class WorkdayTile {

  @Inject WorkLists workLists;

  private Workday workday;

  public Workday getWorkday() {
    if (workday == null) {
      workday = workLists.workday();
    }
    return workday;
  }
}
