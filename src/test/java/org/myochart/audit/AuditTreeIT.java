package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.OutsideAuditor;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.TestDatabase;

/**
 * The audit trail's signed Merkle tree heads and proofs over HTTP, checked the way an outside
 * auditor would: the signature with the certificate the head carries, and every root and proof
 * recomputed here from the entry hashes read straight from the database, with the test's own
 * hashing ({@link OutsideAuditor}, RFC 9162), not MyoChart's.
 */
@Isolated(
    "It breaks the shared tree head sequencer and deletes a leaf, so every publish and export in between fails.")
class AuditTreeIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static final HexFormat HEX = HexFormat.of();
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  @Test
  void aPublishedHeadIsSignedByTheClinicAndItsRootIsTheTreeOfTheStoredEntryHashes()
      throws Exception {
    JsonObject head = publish();
    long size = head.getJsonNumber("treeSize").longValue();
    assertTrue(size > 0, head.toString());

    String text =
        "MyoChart audit tree head v1\ntree_size="
            + size
            + "\nroot_hash="
            + head.getString("rootHash")
            + "\npublished_at="
            + head.getString("publishedAt")
            + "\n";
    assertEquals(text, head.getString("signedText"));
    X509Certificate certificate = certificate(head);
    Signature check = Signature.getInstance(head.getString("algorithm"));
    check.initVerify(certificate.getPublicKey());
    check.update(text.getBytes(StandardCharsets.UTF_8));
    assertTrue(check.verify(Base64.getDecoder().decode(head.getString("signature"))));
    assertTrue(
        certificate.getSubjectX500Principal().getName().contains("O=Harbourside Migraine Massage"),
        certificate.getSubjectX500Principal().getName());

    assertEquals(HEX.formatHex(OutsideAuditor.root(leaves(size))), head.getString("rootHash"));

    // Anchored in time by the clinic's timestamp authority: a token over the signature's SHA-256,
    // signed by the authority's certificate.
    TimeStampToken token =
        new TimeStampToken(
            new CMSSignedData(Base64.getDecoder().decode(head.getString("timestampToken"))));
    assertArrayEquals(
        MessageDigest.getInstance("SHA-256")
            .digest(Base64.getDecoder().decode(head.getString("signature"))),
        token.getTimeStampInfo().getMessageImprintDigest());
    X509Certificate authority = RunningClinic.timestampAuthority().certificate();
    token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority));
    Instant stamped = token.getTimeStampInfo().getGenTime().toInstant();
    Instant published = Instant.parse(head.getString("publishedAt"));
    assertTrue(
        Duration.between(published, stamped).abs().compareTo(Duration.ofMinutes(2)) < 0,
        published + " / " + stamped);
  }

  @Test
  void opensslChecksAHeadAsTheOperationsGuideSays(@TempDir Path folder) throws Exception {
    boolean openssl = new ProcessBuilder("sh", "-c", "command -v openssl").start().waitFor() == 0;
    if ("true".equals(System.getenv("CI"))) {
      assertTrue(openssl, "openssl is needed to check a tree head as docs/operations.md says");
    }
    Assumptions.assumeTrue(openssl, "openssl is not installed");
    JsonObject head = publish();
    Files.writeString(folder.resolve("head.txt"), head.getString("signedText"));
    Files.write(
        folder.resolve("head.sig"), Base64.getDecoder().decode(head.getString("signature")));
    Files.writeString(
        folder.resolve("clinic.pem"),
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(certificate(head).getPublicKey().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    Process check = verifyWithOpenssl(folder);
    String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, check.waitFor(), said);
    assertTrue(said.contains("Verified OK"), said);

    Files.writeString(
        folder.resolve("head.txt"),
        head.getString("signedText").replace("tree_size=", "tree_size=1"));
    Process altered = verifyWithOpenssl(folder);
    altered.getInputStream().readAllBytes();
    assertEquals(1, altered.waitFor(), "an altered head fails");
  }

  @Test
  void anInclusionProofLeadsFromTheStoredEntryToTheSignedRoot() throws Exception {
    JsonObject head = publish();
    long size = head.getJsonNumber("treeSize").longValue();
    List<byte[]> leaves = leaves(size);
    List<Long> entries = entriesInTreeOrder(size);
    for (int place : new int[] {0, (int) (size - 1) / 2, (int) size - 1}) {
      long entry = entries.get(place);
      HttpResponse<String> answer =
          get("/api/v1/audit/tree/inclusion?entry=" + entry + "&treeSize=" + size);
      assertEquals(200, answer.statusCode(), answer.body());
      JsonObject proof = Http.json(answer);
      assertEquals(place, proof.getJsonNumber("leafIndex").longValue());
      assertEquals(storedHash(entry), proof.getString("entryHash"));
      byte[] leaf = OutsideAuditor.leafHash(HEX.parseHex(proof.getString("entryHash")));
      assertArrayEquals(leaves.get(place), leaf);
      Deque<byte[]> path = hashes(proof, "path");
      byte[] root = OutsideAuditor.rootFromPath(place, size, leaf, path);
      assertTrue(path.isEmpty(), "every step of the path is used");
      assertEquals(head.getString("rootHash"), HEX.formatHex(root), "entry " + entry);
      assertEquals(head, proof.getJsonObject("treeHead"));
    }
    // Without a tree size the newest head is meant.
    HttpResponse<String> newest = get("/api/v1/audit/tree/inclusion?entry=1");
    assertEquals(200, newest.statusCode(), newest.body());
  }

  @Test
  void aLaterHeadIsProvedToExtendAnEarlierOneWithNothingChangedBefore() throws Exception {
    JsonObject first = publish();
    // Something audited happens in between: the owner's check of the chain is itself audited.
    assertEquals(200, get("/api/v1/audit/verify").statusCode());
    JsonObject second = publish();
    long m = first.getJsonNumber("treeSize").longValue();
    long n = second.getJsonNumber("treeSize").longValue();
    assertTrue(n > m, first + " then " + second);

    HttpResponse<String> answer = get("/api/v1/audit/tree/consistency?first=" + m + "&second=" + n);
    assertEquals(200, answer.statusCode(), answer.body());
    Deque<byte[]> proof = hashes(Http.json(answer), "proof");
    byte[][] roots =
        OutsideAuditor.rootsFromConsistency(
            m, n, HEX.parseHex(first.getString("rootHash")), proof, true);
    assertTrue(proof.isEmpty(), "every hash of the proof is used");
    assertEquals(first.getString("rootHash"), HEX.formatHex(roots[0]));
    assertEquals(second.getString("rootHash"), HEX.formatHex(roots[1]));

    HttpResponse<String> listed = get("/api/v1/audit/tree/heads");
    assertEquals(200, listed.statusCode());
    assertEquals(second, Http.json(listed).getJsonArray("heads").getJsonObject(0));
    assertEquals(first, Http.json(get("/api/v1/audit/tree/heads/" + m)));
  }

  @Test
  void aChangedSequencerRowStopsPublishingInsteadOfSigningAWrongHead() throws Exception {
    try (Connection db = clinic.database();
        Statement statement = db.createStatement()) {
      String stored = null;
      String changed = null;
      // The clinic's own sequencer may publish between reading the row and changing it: the
      // change is made only on the row as read, and tried again otherwise.
      for (int attempt = 0; attempt < 5 && changed == null; attempt++) {
        publish();
        long size;
        try (ResultSet row =
            statement.executeQuery(
                "select last_tree_size, frontier from audit_tree_sequencer where id = 1")) {
          row.next();
          size = row.getLong(1);
          stored = row.getString(2);
        }
        String candidate = "0".repeat(64) + stored.substring(64);
        if (statement.executeUpdate(
                "update audit_tree_sequencer set frontier = '"
                    + candidate
                    + "' where id = 1 and last_tree_size = "
                    + size
                    + " and frontier = '"
                    + stored
                    + "'")
            == 1) {
          changed = candidate;
        }
      }
      assertTrue(changed != null, "the sequencer row could be changed");
      try {
        assertEquals(200, get("/api/v1/audit/verify").statusCode(), "one more entry to publish");
        HttpResponse<String> refused = postHeads("owner");
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(
            Http.json(refused).getString("message").contains("does not match the head"),
            refused.body());
      } finally {
        statement.executeUpdate(
            "update audit_tree_sequencer set frontier = '"
                + stored
                + "' where id = 1 and frontier = '"
                + changed
                + "'");
      }
    }
    publish();
  }

  @Test
  void aLeafGoneFromUnderTheNewestHeadStopsPublishing() throws Exception {
    publish();
    try (Connection db = clinic.database();
        Statement statement = db.createStatement()) {
      if (TestDatabase.isPostgres()) {
        statement.execute("alter table audit_leaf disable trigger audit_leaf_append_only");
      }
      Object[] leaf = new Object[4];
      try {
        // The last leaf under the newest head, read and deleted in one statement each, so that
        // a head the clinic's own sequencer publishes meanwhile cannot move it.
        String last =
            " from audit_leaf where leaf_index ="
                + " (select last_tree_size - 1 from audit_tree_sequencer where id = 1)";
        try (ResultSet row =
            statement.executeQuery(
                "select leaf_index, entry_id, entry_hash, previous_hash" + last)) {
          assertTrue(row.next());
          for (int i = 0; i < leaf.length; i++) {
            leaf[i] = row.getObject(i + 1);
          }
        }
        assertEquals(1, statement.executeUpdate("delete" + last + " and leaf_index = " + leaf[0]));
        HttpResponse<String> refused = postHeads("owner");
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(
            Http.json(refused).getString("message").contains("leaves but its newest head covers"),
            refused.body());
      } finally {
        if (leaf[0] != null) {
          try (PreparedStatement restore =
              db.prepareStatement(
                  "insert into audit_leaf (leaf_index, entry_id, entry_hash, previous_hash)"
                      + " select ?, ?, ?, ? where not exists"
                      + " (select 1 from audit_leaf where leaf_index = ?)")) {
            for (int i = 0; i < leaf.length; i++) {
              restore.setObject(i + 1, leaf[i]);
            }
            restore.setObject(5, leaf[0]);
            restore.executeUpdate();
          }
        }
        if (TestDatabase.isPostgres()) {
          statement.execute("alter table audit_leaf enable trigger audit_leaf_append_only");
        }
      }
    }
    publish();
  }

  @Test
  void postgresqlRefusesToChangeOrDeleteAPublishedHeadOrALeaf() throws Exception {
    Assumptions.assumeTrue(TestDatabase.isPostgres(), "the trigger is PostgreSQL's (V24)");
    long size = publish().getJsonNumber("treeSize").longValue();
    try (Connection db = clinic.database();
        Statement statement = db.createStatement()) {
      SQLException update =
          assertThrows(
              SQLException.class,
              () ->
                  statement.executeUpdate(
                      "update audit_tree_head set root_hash = repeat('0', 64) where tree_size = "
                          + size));
      assertTrue(update.getMessage().contains("never changed or deleted"), update.getMessage());
      assertThrows(
          SQLException.class,
          () -> statement.executeUpdate("delete from audit_tree_head where tree_size = " + size));
      // The leaves that give the entries their places are kept the same way (V25).
      SQLException reorder =
          assertThrows(
              SQLException.class,
              () ->
                  statement.executeUpdate(
                      "update audit_leaf set entry_hash = repeat('0', 64) where leaf_index = 0"));
      assertTrue(reorder.getMessage().contains("never changed or deleted"), reorder.getMessage());
      assertThrows(
          SQLException.class,
          () -> statement.executeUpdate("delete from audit_leaf where leaf_index = 0"));
    }
  }

  @Test
  void badQuestionsGetAClearAnswerAndOnlyTheOwnerMayAsk() {
    long size = publish().getJsonNumber("treeSize").longValue();
    HttpResponse<String> word = get("/api/v1/audit/tree/inclusion?entry=seven");
    assertEquals(400, word.statusCode(), word.body());
    assertEquals(
        "\"seven\" is not a whole number of 1 or more.",
        Http.json(word).getJsonObject("fields").getString("entry"));
    HttpResponse<String> beyond =
        get("/api/v1/audit/tree/inclusion?entry=999999999&treeSize=" + size);
    assertEquals(404, beyond.statusCode(), beyond.body());
    assertTrue(beyond.body().contains("is not in the tree of " + size), beyond.body());
    HttpResponse<String> unpublished = get("/api/v1/audit/tree/heads/999999999");
    assertEquals(404, unpublished.statusCode(), unpublished.body());
    HttpResponse<String> backwards =
        get("/api/v1/audit/tree/consistency?first=" + size + "&second=1");
    assertEquals(400, backwards.statusCode(), backwards.body());
    HttpResponse<String> therapist =
        Http.get(clinic.uri("/api/v1/audit/tree/heads"), "therapist1", PASSWORD);
    assertEquals(403, therapist.statusCode(), therapist.body());
    HttpResponse<String> frontDesk = postHeads("frontdesk");
    assertEquals(403, frontDesk.statusCode(), frontDesk.body());
  }

  /** openssl dgst -sha256 -verify clinic.pem -signature head.sig head.txt, in the folder. */
  private static Process verifyWithOpenssl(Path folder) throws java.io.IOException {
    return new ProcessBuilder(
            "openssl",
            "dgst",
            "-sha256",
            "-verify",
            "clinic.pem",
            "-signature",
            "head.sig",
            "head.txt")
        .directory(folder.toFile())
        .redirectErrorStream(true)
        .start();
  }

  /** POST /api/v1/audit/tree/heads as this demo account. */
  private static HttpResponse<String> postHeads(String username) {
    return Http.send(
        HttpRequest.newBuilder(clinic.uri("/api/v1/audit/tree/heads"))
            .header("Authorization", Http.basic(username, PASSWORD))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static JsonObject publish() {
    HttpResponse<String> published = postHeads("owner");
    assertEquals(200, published.statusCode(), published.body());
    return Http.json(published);
  }

  private static HttpResponse<String> get(String path) {
    return Http.get(clinic.uri(path), "owner", PASSWORD);
  }

  private static X509Certificate certificate(JsonObject head) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(
                    Base64.getDecoder().decode(head.getString("certificate"))));
  }

  private static Deque<byte[]> hashes(JsonObject answer, String name) {
    Deque<byte[]> hashes = new ArrayDeque<>();
    answer
        .getJsonArray(name)
        .getValuesAs(JsonString.class)
        .forEach(h -> hashes.add(HEX.parseHex(h.getString())));
    return hashes;
  }

  private static String storedHash(long entry) throws Exception {
    try (Connection db = clinic.database();
        PreparedStatement query =
            db.prepareStatement("select entry_hash from audit_entry where id = ?")) {
      query.setLong(1, entry);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next(), "entry " + entry);
        return row.getString(1);
      }
    }
  }

  /**
   * The leaf hashes of the first {@code size} places of the trail, from the database itself: each
   * leaf is its entry's stored hash, in the order the sequencer gave out (ADR-058).
   */
  private static List<byte[]> leaves(long size) throws Exception {
    List<byte[]> leaves = new ArrayList<>();
    for (String hash : inTreeOrder(size, "e.entry_hash")) {
      leaves.add(OutsideAuditor.leafHash(HEX.parseHex(hash)));
    }
    return leaves;
  }

  private static List<Long> entriesInTreeOrder(long size) throws Exception {
    return inTreeOrder(size, "e.id").stream().map(Long::valueOf).toList();
  }

  private static List<String> inTreeOrder(long size, String column) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection db = clinic.database();
        PreparedStatement query =
            db.prepareStatement(
                "select l.leaf_index, "
                    + column
                    + " from audit_leaf l join audit_entry e on e.id = l.entry_id"
                    + " where l.leaf_index < ? order by l.leaf_index")) {
      query.setLong(1, size);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          assertEquals(values.size(), rows.getLong(1), "places follow one another");
          values.add(rows.getString(2));
        }
      }
    }
    assertEquals(size, values.size());
    return values;
  }
}
