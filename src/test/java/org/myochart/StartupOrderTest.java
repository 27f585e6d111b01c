package org.myochart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.myochart.audit.AuditChain;
import org.myochart.consent.DefaultConsentForms;
import org.myochart.demo.DemoClinic;
import org.myochart.export.ExportJobs;
import org.myochart.platform.SchemaMigrated;
import org.myochart.security.OwnerFromEnvironment;

/** The start-up work of each domain package, in the order its observers' priorities give it. */
class StartupOrderTest {

  @Test
  void formsComeBeforeTheOwnerTheDemoClinicAndTheBackgroundWork() {
    int forms = priorityOf(DefaultConsentForms.class);
    int owner = priorityOf(OwnerFromEnvironment.class);
    int demo = priorityOf(DemoClinic.class);
    int exports = priorityOf(ExportJobs.class);
    int chainCheck = priorityOf(AuditChain.class);

    assertTrue(forms < owner, "the default forms exist before the first owner");
    assertTrue(
        owner < demo, "the owner from the environment comes before the demo clinic looks for one");
    assertTrue(
        demo < exports && demo < chainCheck, "background work starts once the data is in place");
  }

  private static int priorityOf(Class<?> bean) {
    List<Parameter> observed =
        Arrays.stream(bean.getDeclaredMethods())
            .map(Method::getParameters)
            .flatMap(Arrays::stream)
            .filter(
                p -> p.getType() == SchemaMigrated.class && p.isAnnotationPresent(Observes.class))
            .toList();
    assertEquals(1, observed.size(), bean.getSimpleName() + " observes SchemaMigrated once");
    Priority priority = observed.get(0).getAnnotation(Priority.class);
    assertTrue(priority != null, bean.getSimpleName() + " gives its start-up work a priority");
    return priority.value();
  }
}
