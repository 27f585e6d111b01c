package org.myochart.export;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One manifest line as stored for its export, read back a page at a time as {@link ManifestLine}s
 * by JPQL. The rows are written by {@code ExportQueries.insert} as a JDBC batch (measured faster
 * than persisting these entities with batch writing, docs/performance.md). Not kept in the shared
 * cache: an export has thousands and never reads one back as an entity.
 */
@Entity
@Cacheable(false)
@Table(name = "audit_export_record")
@IdClass(ExportedRecord.Key.class)
public class ExportedRecord {

  /** The JPQL select clause that reads an {@code ExportedRecord e} as a manifest line. */
  static final String SELECT_LINE =
      "select new org.myochart.export.ManifestLine(e.seqNo, e.sealedRecordId,"
          + " e.recordType, e.recordId, e.clientId, e.sealedAt, e.sha256, e.sizeBytes) from ExportedRecord e";

  @Id
  @Column(name = "export_id")
  private Long exportId;

  @Id
  @Column(name = "seq_no")
  private Integer seqNo;

  @Column(name = "sealed_record_id", nullable = false)
  private Long sealedRecordId;

  @Column(name = "record_type", nullable = false)
  private String recordType;

  @Column(name = "record_id", nullable = false)
  private Long recordId;

  @Column(name = "client_id", nullable = false)
  private Long clientId;

  @Column(name = "sealed_at", nullable = false)
  private Instant sealedAt;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "size_bytes", nullable = false)
  private Long sizeBytes;

  protected ExportedRecord() {}

  /** The primary key: the export and the line's place in it. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long exportId;
    private Integer seqNo;

    public Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(exportId, key.exportId)
          && Objects.equals(seqNo, key.seqNo);
    }

    @Override
    public int hashCode() {
      return Objects.hash(exportId, seqNo);
    }
  }
}
