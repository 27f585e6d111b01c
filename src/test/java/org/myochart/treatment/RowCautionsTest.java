package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.myochart.anatomy.CautionCondition;
import org.myochart.anatomy.Side;

class RowCautionsTest {

  private static final Set<CautionCondition> BLOOD_THINNER = Set.of(CautionCondition.BLOOD_THINNER);

  @Test
  void firmPressureOnABloodThinnerIsACaution() {
    TreatedMuscle firm =
        new TreatedMuscle("temporalis", Side.LEFT, "swedish-relaxation", Pressure.FIRM, 5);

    assertEquals(
        List.of("Blood thinner: avoid firm pressure."),
        firm.cautions(TreatmentFixtures.catalogue(), BLOOD_THINNER));
    assertEquals(List.of(), firm.cautions(TreatmentFixtures.catalogue(), Set.of()));
  }

  @Test
  void moderatePressureOnABloodThinnerIsNot() {
    TreatedMuscle moderate =
        new TreatedMuscle("temporalis", Side.LEFT, "swedish-relaxation", Pressure.MODERATE, 5);

    assertEquals(List.of(), moderate.cautions(TreatmentFixtures.catalogue(), BLOOD_THINNER));
  }

  @Test
  void theCataloguesCautionsForMuscleAndTechniqueComeFirst() {
    TreatedMuscle row =
        new TreatedMuscle("suboccipitals", Side.BOTH, "trigger-point-therapy", Pressure.FIRM, 5);

    assertEquals(
        List.of(
            "Work the neck gently.",
            "Blood thinner: use lighter, shorter pressure.",
            "Blood thinner: avoid firm pressure."),
        row.cautions(
            TreatmentFixtures.catalogue(),
            Set.of(CautionCondition.CERVICAL_SPONDYLOSIS, CautionCondition.BLOOD_THINNER)));
  }

  @Test
  void aPointRowWarnsWhenTheClientDeclinedAcupressure() {
    PointUse row = new PointUse("LI4", Side.LEFT, "Ingrid");

    assertEquals(
        List.of("Not during pregnancy.", "The client declined acupressure in their consent."),
        row.cautions(TreatmentFixtures.catalogue(), Set.of(CautionCondition.PREGNANCY), true));
    assertEquals(List.of(), row.cautions(TreatmentFixtures.catalogue(), Set.of(), false));
  }

  @Test
  void acupressureIsRecognisedByTheDefaultCodeOrByAnOwnersOwnWording() {
    assertEquals(
        true, PointUse.isAcupressure(PointUse.ACUPRESSURE, "Acupressure on points of the head"));
    assertEquals(
        true,
        PointUse.isAcupressure("pressure-on-head-points", "Gentle acupressure on head points"));
    assertEquals(true, PointUse.isAcupressure("acupressure-face", "Face points"));
    assertEquals(false, PointUse.isAcupressure("swedish-relaxation", "Swedish relaxation massage"));
  }
}
