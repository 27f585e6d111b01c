package org.myochart.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.myochart.platform.Sha256;
import org.myochart.record.RenewedRecords;
import org.myochart.record.SealedRecord;
import org.myochart.record.TimestampAuthority;
import org.myochart.testsupport.Deployments;
import org.myochart.testsupport.InTheContainer;
import org.myochart.testsupport.TestTimestampAuthority;

/**
 * An export carries a record's newest stored copy (its document timestamp renewed, ADR-056), and an
 * export made before a renewal still reads the copy its manifest names; in Payara Micro on the real
 * database.
 */
@InTheContainer
class ExportRenewedCopyIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.clinic(ExportRenewedCopyIT.class);
  }

  @Inject ExportQueries queries;
  @Inject RenewedRecords records;

  @Test
  void theExportReadsTheNewestCopyAndAnEarlierManifestStillGetsItsOwn() throws Exception {
    long clientId = records.client("Ebba", "Export");
    try (TestTimestampAuthority tsa = TestTimestampAuthority.start()) {
      TimestampAuthority authority = new TimestampAuthority(tsa.url(), Duration.ofSeconds(10));
      SealedRecord sealed = records.sealedNote(clientId, authority);
      ExportScope scope =
          new ExportScope(
              LocalDate.now(ZoneOffset.UTC).minusDays(1),
              LocalDate.now(ZoneOffset.UTC).plusDays(1),
              null,
              clientId);
      Instant cutoff = Instant.now().plusSeconds(60);
      ManifestLine before = queries.candidates(scope, ZoneOffset.UTC, cutoff, 0).get(0).line();
      assertEquals(sealed.sealedSha256(), before.sha256());

      SealedRecord renewed = records.renewed(sealed, authority);

      List<ExportQueries.Candidate> after = queries.candidates(scope, ZoneOffset.UTC, cutoff, 0);
      assertEquals(1, after.size());
      assertNotEquals(sealed.sealedSha256(), after.get(0).line().sha256());
      assertEquals(renewed.getSha256(), after.get(0).line().sha256());
      assertEquals(renewed.getSizeBytes(), after.get(0).line().sizeBytes());
      assertEquals(after.get(0).line().sha256(), Sha256.of(after.get(0).pdf()));
      assertArrayEquals(
          sealed.pdf(),
          queries.pdfs(List.of(before)).get(before.sealedRecordId()),
          "an export whose manifest was written before the renewal gets the copy it lists");
    }
  }
}
