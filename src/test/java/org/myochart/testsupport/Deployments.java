package org.myochart.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every Arquillian test uses: the WAR the build produced, exactly as it ships,
 * plus the test class.
 */
public final class Deployments {

  private Deployments() {}

  public static WebArchive clinic(Class<?> testClass) {
    File war = new File(RunningClinic.targetDirectory(), "myochart.war");
    if (!war.isFile()) {
      throw new IllegalStateException("Build the WAR first (mvn verify runs package before the tests): " + war);
    }
    return ShrinkWrap.create(ZipImporter.class, "myochart.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addClass(testClass);
  }
}
