package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NoteFieldTest {

  @Test
  void everyFieldIsAPropertyOfTheDraftThePageCanBind() throws Exception {
    Map<String, PropertyDescriptor> properties =
        Arrays.stream(Introspector.getBeanInfo(NoteDraft.class).getPropertyDescriptors())
            .collect(Collectors.toMap(PropertyDescriptor::getName, p -> p));
    for (NoteField field : NoteField.values()) {
      PropertyDescriptor property = properties.get(field.key());
      assertNotNull(property, field.key());
      if (field.kind() != NoteField.Kind.ROWS) {
        assertNotNull(property.getWriteMethod(), field.key() + " needs a setter for the page");
      }
    }
  }

  @Test
  void everyAnswerOfTheDraftHasAField() throws Exception {
    Set<String> keys =
        Arrays.stream(NoteField.values()).map(NoteField::key).collect(Collectors.toSet());
    Set<String> properties =
        Arrays.stream(
                Introspector.getBeanInfo(NoteDraft.class, Object.class).getPropertyDescriptors())
            .map(PropertyDescriptor::getName)
            .collect(Collectors.toSet());

    assertEquals(
        properties, keys, "a value on the draft without a field would be neither hashed nor shown");
  }

  @Test
  void labelsHeadingsAndJsonNamesAreUnique() {
    for (List<String> names :
        List.of(
            Arrays.stream(NoteField.values()).map(NoteField::label).toList(),
            Arrays.stream(NoteField.values()).map(NoteField::heading).toList(),
            Arrays.stream(NoteField.values()).map(NoteField::key).toList())) {
      assertEquals(names.size(), new HashSet<>(names).size(), names.toString());
    }
  }

  @Test
  void theLabelsThatDisagreedBeforeAreOneLabelNow() {
    assertEquals(
        "Headache days since the last visit", NoteField.HEADACHE_DAYS_SINCE_LAST.heading());
    assertEquals("Medication since the last visit", NoteField.MEDICATION_SINCE_LAST.pageLabel());
    assertEquals("Current pain (0 none – 10 worst)", NoteField.CURRENT_PAIN.pageLabel());
    assertEquals("Current pain (0–10)", NoteField.CURRENT_PAIN.heading());
  }

  @Test
  void scalesOfferEveryStepAndTextItsLength() {
    assertEquals(List.of(1, 2, 3, 4, 5), NoteField.SLEEP_QUALITY.steps());
    assertEquals(11, NoteField.PAIN_AFTER.steps().size());
    assertEquals(20_000, NoteField.HOME_CARE.maxLength());
    assertTrue(NoteField.TOLERANCE.steps().isEmpty());
  }

  @Test
  void everyFieldIsInTheCurrentForm() {
    for (NoteField field : NoteField.values()) {
      assertTrue(
          field.since() >= CanonicalForm.FIRST && field.since() <= CanonicalForm.CURRENT,
          field.toString());
    }
  }
}
