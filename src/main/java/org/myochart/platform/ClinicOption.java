package org.myochart.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One option the owner has switched, with who switched it last and when. */
@Entity
@Table(name = "clinic_option")
public class ClinicOption {

  @Id
  @Column(name = "option_key", nullable = false, updatable = false)
  private String key;

  @Column(name = "option_value", nullable = false)
  private String value;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "changed_by", nullable = false)
  private String changedBy;

  protected ClinicOption() {}

  ClinicOption(String key) {
    this.key = key;
  }

  void change(String newValue, String by, Instant at) {
    this.value = newValue;
    this.changedBy = by;
    this.changedAt = at;
  }

  public String getKey() {
    return key;
  }

  public String getValue() {
    return value;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getChangedBy() {
    return changedBy;
  }
}
