package org.myochart.audit;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.myochart.platform.DatabaseLocation;
import org.myochart.platform.SchemaMigrated;
import org.myochart.platform.StartupOrder;

/**
 * The newest signed tree head, kept outside the database (ADR-061): a file in the data directory,
 * written after each head the server publishes commits. Whoever can change the database can delete
 * its newest entries and rewind everything in it that counts them; the copy here still vouches for
 * the entries up to its size, so the audit check reports them missing. The file holds what the head
 * holds (its signed text's fields, signature, certificate and, with a timestamp authority, the RFC
 * 3161 token) and the id of the last entry it covers, to name it in the report.
 */
@ApplicationScoped
public class OutsideTreeHead {

  private static final Logger LOG = Logger.getLogger(OutsideTreeHead.class.getName());

  static final String FORMAT = "MyoChart audit tree head kept outside the database v1";

  @Inject AuditTree tree;

  private final Path file;

  /** Why the last head could not be written, until one is: the copy is then behind the database. */
  private volatile String lastWriteFailure;

  public OutsideTreeHead() {
    this(DatabaseLocation.dataDirectory().resolve("audit").resolve("newest-tree-head.json"));
  }

  OutsideTreeHead(Path file) {
    this.file = file;
  }

  /** Where the copy lives. */
  public Path file() {
    return file;
  }

  /** What reading the copy found. */
  public sealed interface Reading {
    /** No copy was ever written here. */
    record Absent(Path file) implements Reading {}

    /** A copy is there but cannot be read as a head; {@code why} says what is wrong. */
    record Unreadable(Path file, String why) implements Reading {}

    /** A copy, not yet checked against the clinic's certificates. */
    record Kept(AuditTreeHead head, long lastEntryId) implements Reading {}
  }

  /** A head was published and its transaction committed: keep it, if it is the newest. */
  void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublishedHead event) {
    try {
      keep(event.head(), event.lastEntryId());
    } catch (RuntimeException e) {
      // The head is in the database; until a later one is written, the check says the copy could
      // not be compared (read() reports it unreadable).
      lastWriteFailure = String.valueOf(e.getMessage());
      LOG.log(Level.SEVERE, "The newest audit tree head could not be kept in " + file, e);
    }
  }

  /**
   * On a start with no copy yet (a new data directory, or the first start after upgrading), the
   * database's newest head that is the clinic's own becomes the copy, so the next check has one to
   * compare with. A copy that is there is never replaced by an older or equal head.
   */
  void adoptAtStart(@Observes @Priority(StartupOrder.BACKGROUND_WORK) SchemaMigrated migrated) {
    if (Files.exists(file)) {
      return;
    }
    try {
      adopt();
    } catch (RuntimeException e) {
      // The clinic still starts; its audit check says the heads could not be compared.
      LOG.log(Level.SEVERE, "The newest audit tree head could not be kept in " + file, e);
    }
  }

  private void adopt() {
    tree.latestWithLastEntry()
        .ifPresent(
            newest -> {
              keep(newest.head(), newest.lastEntryId());
              LOG.warning(
                  () ->
                      "No copy of the audit tree head was kept in "
                          + file
                          + "; the database's newest head ("
                          + newest.head().getTreeSize()
                          + " entries) is kept from now on. Entries removed before this start"
                          + " cannot be found by comparing with it.");
            });
  }

  /** Writes the head unless the copy already covers as many entries or more. */
  synchronized void keep(AuditTreeHead head, long lastEntryId) {
    try {
      Files.createDirectories(file.getParent());
      Path lock = file.resolveSibling(file.getFileName() + ".lock");
      // Servers sharing a data directory take turns; a smaller head never replaces a larger one.
      try (FileChannel channel =
              FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = channel.lock()) {
        if (read() instanceof Reading.Kept kept
            && kept.head().getTreeSize() >= head.getTreeSize()) {
          return;
        }
        Path written = file.resolveSibling(file.getFileName() + ".new");
        try (var out =
            Files.newBufferedWriter(
                written,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE,
                StandardOpenOption.SYNC)) {
          out.write(toJson(head, lastEntryId).toString());
          out.write('\n');
        }
        try {
          Files.move(
              written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
        }
        lastWriteFailure = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The audit tree head could not be kept in " + file, e);
    }
  }

  /** Reads the copy; never throws. */
  public Reading read() {
    String failure = lastWriteFailure;
    if (failure != null) {
      return new Reading.Unreadable(
          file, "the newest head could not be written to it (" + failure + "), so it is behind");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Reading.Absent(file);
    } catch (IOException e) {
      return new Reading.Unreadable(file, "it could not be read (" + e.getMessage() + ")");
    }
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      JsonObject json = reader.readObject();
      if (!FORMAT.equals(json.getString("format", null))) {
        return new Reading.Unreadable(file, "it is not a tree head written by MyoChart");
      }
      AuditTreeHead head =
          AuditTreeHead.restored(
              json.getJsonNumber("tree_size").longValueExact(),
              json.getString("root_hash"),
              Instant.parse(json.getString("published_at")),
              json.getString("algorithm"),
              json.getString("signature"),
              json.getString("certificate"),
              json.getString("timestamp_token", null));
      return new Reading.Kept(head, json.getJsonNumber("last_entry_id").longValueExact());
    } catch (JsonException
        | ClassCastException
        | NullPointerException
        | ArithmeticException
        | DateTimeParseException e) {
      return new Reading.Unreadable(file, "it is damaged (" + e.getClass().getSimpleName() + ")");
    }
  }

  static JsonObject toJson(AuditTreeHead head, long lastEntryId) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("format", FORMAT)
            .add("tree_size", head.getTreeSize())
            .add("root_hash", head.getRootHash())
            .add("published_at", head.getPublishedAt().toString())
            .add("last_entry_id", lastEntryId)
            .add("algorithm", head.getAlgorithm())
            .add("signature", head.getSignature())
            .add("certificate", head.getCertificate());
    head.getTimestampToken().ifPresent(token -> json.add("timestamp_token", token));
    return json.build();
  }

  /** A published head and the id of the last entry it covers; also the event of publishing. */
  public record PublishedHead(AuditTreeHead head, long lastEntryId) {}
}
