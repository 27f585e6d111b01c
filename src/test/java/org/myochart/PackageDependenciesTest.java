package org.myochart;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.CompiledClasses;

/**
 * The package layout of docs/architecture.md, checked on the compiled classes: every package (each
 * domain, its {@code web} and its {@code api}) is a node of one graph without cycles; platform is
 * wiring and names no domain; domain code never reaches up into pages or resources.
 */
class PackageDependenciesTest {

  private final JavaClasses myochart = CompiledClasses.myochart();

  @Test
  void packagesDependOnEachOtherWithoutCycles() {
    slices()
        .matching("org.myochart.(**)")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .check(myochart);
  }

  @Test
  void platformNamesNoDomainPackage() {
    noClasses()
        .that()
        .resideInAPackage("org.myochart.platform..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("org.myochart..")
                .and(not(resideInAPackage("org.myochart.platform.."))))
        .check(myochart);
  }

  @Test
  void domainCodeUsesNoPageBeanOrResource() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..web..", "..api..")
        .should()
        .dependOnClassesThat(
            resideInAnyPackage("org.myochart.*.web..", "org.myochart.*.api..")
                .and(not(resideInAPackage("org.myochart.platform.."))))
        .check(myochart);
  }

  /**
   * Payara's OpenAPI generator fails (and /openapi answers an error page) on the standard size and
   * number constraints on a record component; the clinic's own {@code @Text}, {@code @Between} and
   * {@code @MostItems} say the same and are safe.
   */
  @Test
  void noStandardSizeOrNumberConstraintThatBreaksTheApiDescription() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.validation.constraints.Size")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.validation.constraints.Min")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.validation.constraints.Max")
        .check(myochart);
  }
}
