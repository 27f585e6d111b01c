package org.myochart.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.myochart.platform.Sha256;

/**
 * A staff member's countersignature as witness: they confirmed with their own password that they
 * saw the client sign. Bound to the consent's evidence hash.
 */
@Entity
@Table(name = "consent_witness")
public class ConsentWitness implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_witness_seq")
  @SequenceGenerator(
      name = "consent_witness_seq",
      sequenceName = "consent_witness_seq",
      allocationSize = 50)
  private Long id;

  @OneToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "consent_id", updatable = false)
  private Consent consent;

  @Column(nullable = false, updatable = false)
  private String witness;

  @Column(name = "witness_name", nullable = false, updatable = false)
  private String witnessName;

  @Column(name = "witnessed_at", nullable = false, updatable = false)
  private Instant witnessedAt;

  @Column(name = "ip_address", updatable = false)
  private String ipAddress;

  @Column(name = "evidence_sha256", nullable = false, updatable = false)
  private String evidenceSha256;

  protected ConsentWitness() {}

  ConsentWitness(
      Consent consent, String witness, String witnessName, Instant witnessedAt, String ipAddress) {
    this.consent = consent;
    this.witness = witness;
    this.witnessName = witnessName;
    this.witnessedAt = witnessedAt;
    this.ipAddress = ipAddress;
    this.evidenceSha256 =
        Sha256.of("witness\n" + consent.getEvidenceSha256() + "\n" + witness + "\n" + witnessedAt);
  }

  public Long getId() {
    return id;
  }

  public Consent getConsent() {
    return consent;
  }

  public String getWitness() {
    return witness;
  }

  public String getWitnessName() {
    return witnessName;
  }

  public Instant getWitnessedAt() {
    return witnessedAt;
  }

  public String getIpAddress() {
    return ipAddress;
  }

  public String getEvidenceSha256() {
    return evidenceSha256;
  }
}
