package org.myochart.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * The clinic's address, phone and licence numbers as the owner keeps them: printed at the head of
 * every record sealed afterwards. One row; records already sealed keep what they printed.
 */
@Entity
@Table(name = "clinic_contact")
public class ClinicContact implements Serializable {

  static final int ONLY_ROW = 1;

  @Id private Integer id;

  @Column private String address;

  @Column private String phone;

  @Column private String licences;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "changed_by", nullable = false)
  private String changedBy;

  @Version private long version;

  protected ClinicContact() {}

  ClinicContact(String address, String phone, String licences, Instant at, String by) {
    this.id = ONLY_ROW;
    change(address, phone, licences, at, by);
  }

  void change(String newAddress, String newPhone, String newLicences, Instant at, String by) {
    this.address = blankToNull(newAddress);
    this.phone = blankToNull(newPhone);
    this.licences = blankToNull(newLicences);
    this.changedAt = at;
    this.changedBy = by;
  }

  /** Address, "phone …" and licences where given, joined with " · "; empty when none is. */
  public static String joined(String address, String phone, String licences) {
    return org.myochart.platform.ClinicSettings.contactLine(address, phone, licences);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  public String getAddress() {
    return address;
  }

  public String getPhone() {
    return phone;
  }

  public String getLicences() {
    return licences;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public long getVersion() {
    return version;
  }
}
