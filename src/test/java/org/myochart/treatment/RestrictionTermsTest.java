package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.myochart.anatomy.BodyRegion;
import org.myochart.anatomy.Side;

class RestrictionTermsTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();
  private static final LocalDate DAY = LocalDate.parse("2026-12-07");

  private static Set<String> refusedFields(RestrictionTerms terms) {
    Set<String> fields = new TreeSet<>();
    VALIDATOR.validate(terms).forEach(v -> fields.add(v.getPropertyPath().toString()));
    return fields;
  }

  @Test
  void aRegionWithAPressureLimitAndAReasonIsComplete() {
    assertEquals(
        Set.of(),
        refusedFields(
            new RestrictionTerms(
                BodyRegion.NECK,
                null,
                null,
                null,
                Pressure.MODERATE,
                DAY,
                DAY.plusWeeks(4),
                "Avoid deep cervical pressure.",
                null)));
  }

  @Test
  void eachMissingOrContradictoryPartIsReportedAtItsField() {
    assertEquals(
        Set.of("region"),
        refusedFields(new RestrictionTerms(null, null, null, null, null, DAY, null, "Why", null)));
    assertEquals(
        Set.of(),
        refusedFields(
            new RestrictionTerms(null, null, null, null, Pressure.LIGHT, DAY, null, "Why", null)),
        "a pressure limit anywhere (a blood thinner) is complete");
    assertEquals(
        Set.of("structure"),
        refusedFields(
            new RestrictionTerms(
                BodyRegion.NECK, "MUSCLE:scalenes", null, null, null, DAY, null, "Why", null)));
    assertEquals(
        Set.of("maxPressure"),
        refusedFields(
            new RestrictionTerms(
                BodyRegion.NECK, null, null, null, Pressure.FIRM, DAY, null, "Why", null)));
    assertEquals(
        Set.of("endsOn"),
        refusedFields(
            new RestrictionTerms(
                BodyRegion.NECK, null, null, null, null, DAY, DAY.minusDays(1), "Why", null)));
    assertEquals(
        Set.of("side"),
        refusedFields(
            new RestrictionTerms(
                null, null, Side.LEFT, "thai-massage", null, DAY, null, "Why", null)));
    assertEquals(
        Set.of("reason", "startsOn"),
        refusedFields(
            new RestrictionTerms(BodyRegion.NECK, null, null, null, null, null, null, "  ", null)));
  }

  @Test
  void typedTextIsTrimmedAndMidlineMeansNoSide() {
    RestrictionTerms terms =
        new RestrictionTerms(
            null, " POINT:GV16 ", Side.MIDLINE, " ", null, DAY, null, "  Whiplash.  ", null);
    assertEquals("POINT:GV16", terms.structure());
    assertNull(terms.technique());
    assertNull(terms.side());
    assertEquals("Whiplash.", terms.reason());
  }
}
