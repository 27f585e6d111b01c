package org.myochart.anatomy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/** One muscle, pressure point or technique. Its code never changes and it is never deleted. */
@Entity
@Table(name = "catalogue_entry")
public class CatalogueEntry implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "catalogue_entry_seq")
  @SequenceGenerator(
      name = "catalogue_entry_seq",
      sequenceName = "catalogue_entry_seq",
      allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private CatalogueKind kind;

  @Column(nullable = false, updatable = false)
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(name = "other_name")
  private String otherName;

  private String description;

  @Column(name = "snomed_code", updatable = false)
  private String snomedCode;

  @Column(name = "paired", nullable = false, updatable = false)
  private boolean lateral;

  @Enumerated(EnumType.STRING)
  @Column(name = "caution_condition")
  private CautionCondition cautionCondition;

  @Column(name = "caution_text")
  private String cautionText;

  /** The body regions the entry lies in ({@link BodyRegion#format}); null for techniques. */
  @Column(name = "regions")
  private String regions;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "built_in", nullable = false, updatable = false)
  private boolean builtIn;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected CatalogueEntry() {}

  CatalogueEntry(
      CatalogueKind kind,
      String code,
      String name,
      String description,
      boolean lateral,
      CautionCondition cautionCondition,
      String cautionText,
      Instant createdAt) {
    this.kind = kind;
    this.code = code;
    this.name = name;
    this.description = description;
    this.lateral = lateral;
    this.cautionCondition = cautionCondition;
    this.cautionText = cautionText;
    this.active = true;
    this.createdAt = createdAt;
  }

  void setActive(boolean active) {
    this.active = active;
  }

  /**
   * Whether the side fits the structure: left, right or both for paired ones, midline otherwise.
   */
  public boolean allows(Side side) {
    return side != null && Set.of(Side.forStructure(lateral)).contains(side);
  }

  /** The caution that applies to a client with these intake conditions, if any. */
  public String cautionFor(Set<CautionCondition> conditions) {
    return cautionCondition != null && conditions.contains(cautionCondition) ? cautionText : null;
  }

  public Long getId() {
    return id;
  }

  public CatalogueKind getKind() {
    return kind;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getOtherName() {
    return otherName;
  }

  public String getDescription() {
    return description;
  }

  public String getSnomedCode() {
    return snomedCode;
  }

  public boolean isLateral() {
    return lateral;
  }

  /** The body regions this muscle or point lies in; empty for techniques and unplaced entries. */
  public Set<BodyRegion> regions() {
    return BodyRegion.parse(regions);
  }

  public CautionCondition getCautionCondition() {
    return cautionCondition;
  }

  public String getCautionText() {
    return cautionText;
  }

  public boolean isActive() {
    return active;
  }

  public boolean isBuiltIn() {
    return builtIn;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getVersion() {
    return version;
  }
}
