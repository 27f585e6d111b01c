package org.myochart.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MedicationKindTest {

  @Test
  void aTriptanOrABloodThinnerIsKnownByItsGenericOrBrandNameWhateverKindWasTicked() {
    assertEquals(
        Set.of(MedicationKind.ACUTE, MedicationKind.TRIPTAN),
        MedicationKind.of("Sumatriptan 50 mg", MedicationKind.ACUTE));
    assertEquals(
        Set.of(MedicationKind.OTHER, MedicationKind.TRIPTAN),
        MedicationKind.of("Imigran", MedicationKind.OTHER));
    assertEquals(
        Set.of(MedicationKind.OTHER, MedicationKind.BLOOD_THINNER),
        MedicationKind.of("Marevan 2.5 mg", MedicationKind.OTHER));
    assertEquals(
        Set.of(MedicationKind.TRIPTAN, MedicationKind.BLOOD_THINNER),
        MedicationKind.of("Warfarin", MedicationKind.TRIPTAN),
        "the name still says blood thinner when the wrong kind was ticked");
  }

  @Test
  void otherwiseTheTickedKindStandsAlone() {
    assertEquals(
        Set.of(MedicationKind.PREVENTIVE),
        MedicationKind.of("Propranolol 40 mg", MedicationKind.PREVENTIVE));
    assertEquals(
        Set.of(MedicationKind.BLOOD_THINNER),
        MedicationKind.of("Something new", MedicationKind.BLOOD_THINNER));
  }

  @Test
  void theNoteShowsAMedicationWithEveryKindThatMatters() {
    assertEquals(
        "Sumatriptan 50 mg — Acute (for an attack), Triptan",
        new Medication("Sumatriptan 50 mg", MedicationKind.ACUTE).readable());
  }
}
