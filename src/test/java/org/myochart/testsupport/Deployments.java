package org.myochart.testsupport;

import java.io.File;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every Arquillian test uses: the WAR the build produced, exactly as it ships,
 * plus every test class that runs inside the container and what those classes use. Because all of
 * them get the same archive, one Payara Micro serves them all ({@link OneContainer}).
 */
public final class Deployments {

  /** The Arquillian test classes and their helpers; a new Arquillian test class belongs here. */
  private static final List<String> IN_CONTAINER =
      List.of(
          "org.myochart.audit.AuditSearchIT",
          "org.myochart.audit.AuditTrailIT",
          "org.myochart.caseload.BreakGlassIT",
          "org.myochart.client.ClientsIT",
          "org.myochart.client.Fixtures",
          "org.myochart.consent.ConsentsIT",
          "org.myochart.export.ExportRenewedCopyIT",
          "org.myochart.record.RecordRenewalIT",
          "org.myochart.record.SealCertificateRecoveryIT",
          "org.myochart.record.RenewedRecords",
          "org.myochart.security.StaffAccountsIT",
          "org.myochart.treatment.RestrictionsIT",
          "org.myochart.treatment.SoapNotesIT",
          "org.myochart.treatment.WorkListsIT",
          "org.myochart.testsupport.InTheContainer",
          "org.myochart.testsupport.Names",
          "org.myochart.testsupport.TestTimestampAuthority",
          "org.myochart.testsupport.TreatableClients");

  private Deployments() {}

  /** The shared deployment; {@code testClass} is in it already if it is listed above. */
  public static WebArchive clinic(Class<?> testClass) {
    File war = new File(RunningClinic.targetDirectory(), "myochart.war");
    if (!war.isFile()) {
      throw new IllegalStateException(
          "Build the WAR first (mvn verify runs package before the tests): " + war);
    }
    WebArchive archive =
        ShrinkWrap.create(ZipImporter.class, "myochart.war").importFrom(war).as(WebArchive.class);
    IN_CONTAINER.forEach(archive::addClass);
    return archive.addClass(testClass);
  }
}
