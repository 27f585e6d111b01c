package org.myochart.anatomy.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.myochart.anatomy.Catalogue;
import org.myochart.anatomy.CatalogueEntry;
import org.myochart.anatomy.CatalogueKind;
import org.myochart.anatomy.CautionCondition;
import org.myochart.anatomy.NewEntry;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;

/** The owner extends the catalogue and retires entries; nothing is deleted. */
@Named
@ViewScoped
public class CataloguePage implements Serializable {

  @Inject Catalogue catalogue;

  private CatalogueKind kind = CatalogueKind.MUSCLE;
  private String name;
  private String description;
  private boolean lateral = true;
  private CautionCondition cautionCondition;
  private String cautionText;

  public List<CatalogueEntry> entries(CatalogueKind of) {
    return catalogue.all(of);
  }

  @ShowsRuleViolations(form = "catalogue")
  public void add() {
    CatalogueEntry entry =
        catalogue.add(
            new NewEntry(kind, name, description, lateral, cautionCondition, cautionText));
    Messages.info(entry.getName() + " was added with the code " + entry.getCode() + ".");
    name = null;
    description = null;
    cautionCondition = null;
    cautionText = null;
  }

  @ShowsRuleViolations
  public void setActive(CatalogueEntry entry, boolean active) {
    catalogue.setActive(entry.getId(), entry.getVersion(), active);
  }

  public CatalogueKind[] getKinds() {
    return CatalogueKind.values();
  }

  public CautionCondition[] getConditions() {
    return CautionCondition.values();
  }

  public CatalogueKind getKind() {
    return kind;
  }

  public void setKind(CatalogueKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public boolean isLateral() {
    return lateral;
  }

  public void setLateral(boolean lateral) {
    this.lateral = lateral;
  }

  public CautionCondition getCautionCondition() {
    return cautionCondition;
  }

  public void setCautionCondition(CautionCondition c) {
    cautionCondition = c;
  }

  public String getCautionText() {
    return cautionText;
  }

  public void setCautionText(String cautionText) {
    this.cautionText = cautionText;
  }
}
