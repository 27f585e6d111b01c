package org.myochart.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** MyoChart's compiled application classes (no tests), read once for the architecture rules. */
public final class CompiledClasses {

  private static JavaClasses myochart;

  private CompiledClasses() {}

  public static synchronized JavaClasses myochart() {
    if (myochart == null) {
      myochart =
          new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("org.myochart");
    }
    return myochart;
  }
}
