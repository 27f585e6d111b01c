package org.myochart.client;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import org.myochart.platform.validation.Required;
import org.myochart.platform.validation.Text;

/** One medication named in an intake. */
@Embeddable
public class Medication implements java.io.Serializable {

  @Column(nullable = false)
  @Required(label = "medication name")
  @Text(label = "medication name", max = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MedicationKind kind;

  protected Medication() {}

  public Medication(String name, MedicationKind kind) {
    this.name = Objects.requireNonNull(name);
    this.kind = Objects.requireNonNull(kind);
  }

  public String getName() {
    return name;
  }

  public MedicationKind getKind() {
    return kind;
  }

  /**
   * The kinds that matter for treatment, from the kind ticked and the name ({@link
   * MedicationKind#of}).
   */
  public java.util.Set<MedicationKind> treatmentKinds() {
    return MedicationKind.of(name, kind);
  }

  /** "Sumatriptan 50 mg — Acute (for an attack), Triptan", as the note's cautions show it. */
  public String readable() {
    return name
        + " — "
        + String.join(", ", treatmentKinds().stream().map(MedicationKind::getLabel).toList());
  }
}
