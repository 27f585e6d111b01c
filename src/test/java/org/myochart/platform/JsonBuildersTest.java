package org.myochart.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import jakarta.json.spi.JsonProvider;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.CompiledClasses;

/**
 * JSON is built through the one provider of {@link JsonBuilders}: {@code jakarta.json.Json}'s
 * static methods search the class path for a provider on every call, which cost a tenth of the
 * server's CPU at the busy hour.
 */
class JsonBuildersTest {

  private final JavaClasses myochart = CompiledClasses.myochart();

  @Test
  void noApplicationCodeCallsTheStaticJsonFactoryMethods() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.json.Json")
        .because("each of its calls looks the JSON provider up again; use JsonBuilders.JSON")
        .check(myochart);
  }

  @Test
  void onlyJsonBuildersLooksTheProviderUp() {
    noClasses()
        .that()
        .doNotBelongToAnyOf(JsonBuilders.class)
        .should()
        .callMethod(JsonProvider.class, "provider")
        .check(myochart);
  }

  @Test
  void theSharedProviderBuildsJson() {
    String json = JsonBuilders.JSON.createObjectBuilder().add("entry", 7).build().toString();

    assertEquals("{\"entry\":7}", json);
  }
}
