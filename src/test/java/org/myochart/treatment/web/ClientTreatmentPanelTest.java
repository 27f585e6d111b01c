package org.myochart.treatment.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Entity;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientTreatmentPanelTest {

  /** Whether a field's type, or any type argument of it, is a JPA entity. */
  private static boolean holdsEntities(Type type) {
    if (type instanceof Class<?> c) {
      return c.isAnnotationPresent(Entity.class);
    }
    if (type instanceof ParameterizedType p) {
      if (holdsEntities(p.getRawType())) {
        return true;
      }
      for (Type argument : p.getActualTypeArguments()) {
        if (holdsEntities(argument)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void theClientsSessionsAreKeptForTheViewAsRowsNeverAsNoteEntities() {
    // A note kept by a view-scoped bean keeps the persistence context that read it alive for as
    // long as the view (docs/performance.md, "What the sessions hold"), and a client's notes grow
    // with every session. The one plan shown is bounded and stays.
    List<String> entityFields = new ArrayList<>();
    for (Field field : ClientTreatmentPanel.class.getDeclaredFields()) {
      if (holdsEntities(field.getGenericType())
          && !field.getType().getSimpleName().equals("TreatmentPlan")) {
        entityFields.add(field.getName());
      }
    }
    assertTrue(entityFields.isEmpty(), "fields holding entities: " + entityFields);
  }
}
