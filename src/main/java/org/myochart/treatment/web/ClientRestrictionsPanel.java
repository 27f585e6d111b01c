package org.myochart.treatment.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.myochart.anatomy.BodyRegion;
import org.myochart.anatomy.Catalogue;
import org.myochart.anatomy.CatalogueEntry;
import org.myochart.anatomy.CatalogueKind;
import org.myochart.anatomy.Side;
import org.myochart.client.Clients;
import org.myochart.client.Intakes;
import org.myochart.client.web.ClientPage;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;
import org.myochart.security.web.CurrentStaff;
import org.myochart.staff.Role;
import org.myochart.treatment.Pressure;
import org.myochart.treatment.Restriction;
import org.myochart.treatment.RestrictionTerms;
import org.myochart.treatment.Restrictions;
import org.myochart.treatment.SoapNotes;

/**
 * A client's restrictions on the profile's clearances tab: those in force and those that ended, a
 * form to record one (from a clearance or the therapist's own judgement) and ending one early.
 */
@Named
@ViewScoped
public class ClientRestrictionsPanel implements Serializable {

  @Inject Restrictions restrictions;
  @Inject SoapNotes notes;
  @Inject Catalogue catalogue;
  @Inject Intakes intakes;
  @Inject Clients clients;
  @Inject CurrentStaff staff;
  @Inject ClientPage profile;

  /** One restriction as the tab shows it. */
  public record Row(
      long id,
      long version,
      String rulesOut,
      String reason,
      String source,
      String status,
      boolean endable)
      implements Serializable {}

  private Long clientId;
  private boolean readable;
  private List<Row> rows = List.of();
  private List<SelectItem> clearances = List.of();
  private BodyRegion region;
  private String structure;
  private Side side;
  private String technique;
  private Pressure maxPressure;
  private LocalDate startsOn;
  private LocalDate endsOn;
  private String reason;
  private Long clearance;
  private Long ending;
  private long endingVersion;
  private String endReason;

  @PostConstruct
  void start() {
    clientId = profile.getId();
    if (clientId == null || staff.getRole() == null || staff.getRole() == Role.FRONT_DESK) {
      return;
    }
    readable = notes.mayRead(clientId);
    if (readable) {
      startsOn = clients.today();
      refresh();
    }
  }

  private void refresh() {
    Map<String, CatalogueEntry> entries = catalogue.byCode();
    List<Row> shown = new ArrayList<>();
    for (Restriction r : restrictions.of(clientId)) {
      String source =
          r.getClearance() == null
              ? "Therapist " + r.getRecordedBy()
              : "Clearance by " + r.getClearance().getPhysicianName();
      Restrictions.Standing standing = restrictions.standingOf(r);
      shown.add(
          new Row(
              r.getId(),
              r.getVersion(),
              r.describe(key -> name(entries, key)),
              r.getReason(),
              source,
              standing.status(),
              standing.endable()));
    }
    rows = shown;
    clearances =
        intakes.clearances(clientId).stream()
            .map(
                c ->
                    new SelectItem(
                        c.getId(), c.getPhysicianName() + ", cleared on " + c.getClearedOn()))
            .toList();
  }

  @ShowsRuleViolations(form = "profile:tabs:restriction")
  public void record() {
    restrictions.record(
        clientId,
        new RestrictionTerms(
            region, structure, side, technique, maxPressure, startsOn, endsOn, reason, clearance));
    region = null;
    structure = null;
    side = null;
    technique = null;
    maxPressure = null;
    endsOn = null;
    reason = null;
    clearance = null;
    refresh();
    Messages.info("The restriction was recorded; notes show it among their cautions.");
  }

  public void askToEnd(long id, long version) {
    ending = id;
    endingVersion = version;
    endReason = null;
  }

  @ShowsRuleViolations(form = "profile:tabs:restrictionEnd")
  public void end() {
    if (ending == null) {
      return;
    }
    restrictions.lift(ending, endingVersion, endReason);
    ending = null;
    endReason = null;
    refresh();
    Messages.info("The restriction was ended; it stays on record.");
  }

  public void cancelEnd() {
    ending = null;
  }

  /** Muscles and points, labelled by kind, for "where". */
  public List<SelectItem> getStructures() {
    List<SelectItem> items = new ArrayList<>();
    for (CatalogueEntry e : catalogue.active(CatalogueKind.MUSCLE)) {
      items.add(new SelectItem(CatalogueKind.MUSCLE + ":" + e.getCode(), "Muscle: " + e.getName()));
    }
    for (CatalogueEntry e : catalogue.active(CatalogueKind.POINT)) {
      items.add(new SelectItem(CatalogueKind.POINT + ":" + e.getCode(), "Point: " + e.getName()));
    }
    return items;
  }

  public List<CatalogueEntry> getTechniques() {
    return catalogue.active(CatalogueKind.TECHNIQUE);
  }

  public BodyRegion[] getRegions() {
    return BodyRegion.values();
  }

  public Side[] getSides() {
    return new Side[] {Side.LEFT, Side.RIGHT};
  }

  public Pressure[] getPressureLimits() {
    return new Pressure[] {Pressure.LIGHT, Pressure.MODERATE};
  }

  private static String name(Map<String, CatalogueEntry> entries, String key) {
    CatalogueEntry entry = entries.get(key);
    return entry == null ? key : entry.getName();
  }

  public boolean isReadable() {
    return readable;
  }

  public List<Row> getRows() {
    return rows;
  }

  public List<SelectItem> getClearances() {
    return clearances;
  }

  public BodyRegion getRegion() {
    return region;
  }

  public void setRegion(BodyRegion region) {
    this.region = region;
  }

  public String getStructure() {
    return structure;
  }

  public void setStructure(String structure) {
    this.structure = structure;
  }

  public Side getSide() {
    return side;
  }

  public void setSide(Side side) {
    this.side = side;
  }

  public String getTechnique() {
    return technique;
  }

  public void setTechnique(String technique) {
    this.technique = technique;
  }

  public Pressure getMaxPressure() {
    return maxPressure;
  }

  public void setMaxPressure(Pressure maxPressure) {
    this.maxPressure = maxPressure;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public void setStartsOn(LocalDate startsOn) {
    this.startsOn = startsOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public void setEndsOn(LocalDate endsOn) {
    this.endsOn = endsOn;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Long getClearance() {
    return clearance;
  }

  public void setClearance(Long clearance) {
    this.clearance = clearance;
  }

  public Long getEnding() {
    return ending;
  }

  public String getEndReason() {
    return endReason;
  }

  public void setEndReason(String endReason) {
    this.endReason = endReason;
  }
}
