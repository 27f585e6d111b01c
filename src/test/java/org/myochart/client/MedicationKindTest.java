package org.myochart.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MedicationKindTest {

  @Test
  void aTriptanOrABloodThinnerIsKnownByItsNameWhateverKindWasTicked() {
    assertEquals(
        MedicationKind.TRIPTAN, MedicationKind.of("Sumatriptan 50 mg", MedicationKind.ACUTE));
    assertEquals(MedicationKind.TRIPTAN, MedicationKind.of("RIZATRIPTAN", MedicationKind.OTHER));
    assertEquals(
        MedicationKind.BLOOD_THINNER, MedicationKind.of("Warfarin 5 mg", MedicationKind.OTHER));
    assertEquals(
        MedicationKind.BLOOD_THINNER, MedicationKind.of("apixaban", MedicationKind.PREVENTIVE));
  }

  @Test
  void otherwiseTheTickedKindStands() {
    assertEquals(
        MedicationKind.PREVENTIVE,
        MedicationKind.of("Propranolol 40 mg", MedicationKind.PREVENTIVE));
    assertEquals(
        MedicationKind.BLOOD_THINNER,
        MedicationKind.of("Something new", MedicationKind.BLOOD_THINNER));
    assertEquals(MedicationKind.ACUTE, MedicationKind.of("Ibuprofen 400 mg", MedicationKind.ACUTE));
  }

  @Test
  void aTriptanInTheIntakeIsACautionForTheTherapist() {
    Medication sumatriptan = new Medication("Sumatriptan 50 mg", MedicationKind.ACUTE);
    assertEquals("Sumatriptan 50 mg (Triptan (for an attack))", sumatriptan.readable());
  }
}
