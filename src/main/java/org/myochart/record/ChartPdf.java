package org.myochart.record;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.json.JsonArrayBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.myochart.audit.RecordKind;

/**
 * One client's chart as a single PDF: a cover page listing every sealed record, then the pages of
 * each record exactly as stored at signing, a bookmark per record, and each original sealed PDF
 * attached unchanged so that its own seal can still be checked. The whole is then sealed once more.
 * Nothing is rendered again but the cover.
 */
final class ChartPdf {

  /** What the cover says about the client; no health details. */
  record ChartClient(long id, String name, String dateOfBirth) {}

  private ChartPdf() {}

  static String label(String type) {
    return RecordKind.of(type)
        .map(
            kind ->
                switch (kind) {
                  case CONSENT -> "Consent";
                  case SOAP_NOTE -> "SOAP note";
                  case NOTE_ADDENDUM -> "Addendum";
                })
        .orElse(type);
  }

  static String attachmentName(SealedRecord record) {
    String prefix =
        switch (record.kind()) {
          case CONSENT -> "consent";
          case SOAP_NOTE -> "note";
          case NOTE_ADDENDUM -> "addendum";
        };
    return prefix + "-" + record.getRecordId() + ".pdf";
  }

  /** The combined document, not yet sealed; records in the order they were signed. */
  /** A part of the chart printed on its cover pages: a heading and labelled lines. */
  record Section(String heading, List<Map.Entry<String, String>> lines) {}

  static byte[] combine(
      String clinic, ChartClient client, List<SealedRecord> records, ZoneId zone, Instant now) {
    return combine(clinic, client, List.of(), records, zone, now);
  }

  /**
   * @param sections what the clinic holds beside the signed records (the intake and its history,
   *     clearances), printed on the cover before the list of records
   */
  static byte[] combine(
      String clinic,
      ChartClient client,
      List<Section> sections,
      List<SealedRecord> records,
      ZoneId zone,
      Instant now) {
    byte[] cover = cover(clinic, client, sections, records, zone, now);
    List<PDDocument> sources = new ArrayList<>();
    try (PDDocument chart = Loader.loadPDF(cover)) {
      PDDocumentOutline outline = new PDDocumentOutline();
      Map<String, PDComplexFileSpecification> attachments = new LinkedHashMap<>();
      COSArray associated =
          chart.getDocumentCatalog().getCOSObject().getCOSArray(COSName.getPDFName("AF"));
      for (SealedRecord record : records) {
        byte[] sealed = record.pdf();
        PDDocument source = Loader.loadPDF(sealed);
        sources.add(source);
        PDPage first = null;
        for (PDPage page : source.getPages()) {
          dropFormWidgets(page);
          PDPage imported = chart.importPage(page);
          first = first == null ? imported : first;
        }
        PDOutlineItem bookmark = new PDOutlineItem();
        bookmark.setTitle(
            label(record.getRecordType())
                + " "
                + record.getRecordId()
                + " · signed "
                + RecordDocuments.when(record.getSealedAt(), zone));
        if (first != null) {
          PDPageFitDestination destination = new PDPageFitDestination();
          destination.setPage(first);
          bookmark.setDestination(destination);
        }
        outline.addLast(bookmark);
        PDComplexFileSpecification spec = attachment(chart, record, sealed);
        attachments.put(attachmentName(record), spec);
        associated.add(spec);
      }
      outline.openNode();
      chart.getDocumentCatalog().setDocumentOutline(outline);
      chart.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
      PDDocumentNameDictionary names = chart.getDocumentCatalog().getNames();
      Map<String, PDComplexFileSpecification> all =
          new LinkedHashMap<>(names.getEmbeddedFiles().getNames());
      all.putAll(attachments);
      PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
      tree.setNames(all);
      names.setEmbeddedFiles(tree);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      chart.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not combine the chart PDF", e);
    } finally {
      for (PDDocument source : sources) {
        try {
          source.close();
        } catch (IOException ignored) {
          // Only memory is held by it.
        }
      }
    }
  }

  /**
   * A record's signature field belongs to that record's own file; carried onto the combined pages
   * it would point at a byte range of another file. The attached original keeps it.
   */
  private static void dropFormWidgets(PDPage page) throws IOException {
    List<PDAnnotation> kept = new ArrayList<>();
    for (PDAnnotation annotation : page.getAnnotations()) {
      if (!(annotation instanceof PDAnnotationWidget)) {
        kept.add(annotation);
      }
    }
    if (kept.isEmpty()) {
      page.getCOSObject().removeItem(COSName.ANNOTS);
    } else {
      page.setAnnotations(kept);
    }
  }

  private static PDComplexFileSpecification attachment(
      PDDocument chart, SealedRecord record, byte[] sealed) throws IOException {
    PDEmbeddedFile file =
        new PDEmbeddedFile(chart, new ByteArrayInputStream(sealed), COSName.FLATE_DECODE);
    file.setSubtype("application/pdf");
    file.setSize(sealed.length);
    file.setCreationDate(RecordPdf.utc(record.getSealedAt()));
    file.setModDate(RecordPdf.utc(record.getSealedAt()));
    String name = attachmentName(record);
    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(name);
    spec.setFileUnicode(name);
    spec.setFileDescription(
        label(record.getRecordType())
            + " "
            + record.getRecordId()
            + ", the sealed PDF as stored at signing (SHA-256 "
            + record.getSha256()
            + ")");
    spec.setEmbeddedFile(file);
    spec.setEmbeddedFileUnicode(file);
    spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Source");
    return spec;
  }

  private static byte[] cover(
      String clinic,
      ChartClient client,
      List<Section> sections,
      List<SealedRecord> records,
      ZoneId zone,
      Instant now) {
    RecordPdf cover =
        new RecordPdf()
            .add(RecordPdf.Style.TITLE, "Client chart")
            .field("Clinic", clinic)
            .field("Client", client.name())
            .field("Date of birth", client.dateOfBirth())
            .field("Generated", RecordDocuments.when(now, zone))
            .add(
                RecordPdf.Style.TEXT,
                "The pages that follow are the client's signed records exactly as they were sealed at "
                    + "signing, in the order they were signed. Each original sealed PDF is attached to this file unchanged, so its "
                    + "own seal can be checked on its own; this combined file carries a seal of its own.");
    for (Section section : sections) {
      cover.add(RecordPdf.Style.HEADING, section.heading());
      for (Map.Entry<String, String> line : section.lines()) {
        cover.field(line.getKey(), line.getValue());
      }
    }
    cover.add(
        RecordPdf.Style.HEADING,
        records.isEmpty() ? "No signed records yet" : records.size() + " signed records");
    JsonArrayBuilder listed = JSON.createArrayBuilder();
    int number = 1;
    for (SealedRecord record : records) {
      cover
          .add(
              RecordPdf.Style.BOLD,
              number++
                  + ". "
                  + label(record.getRecordType())
                  + " "
                  + record.getRecordId()
                  + " · signed "
                  + RecordDocuments.when(record.getSealedAt(), zone))
          .add(
              RecordPdf.Style.SMALL,
              "SHA-256 " + record.getSha256() + " · attached as " + attachmentName(record));
      listed.add(
          JSON.createObjectBuilder()
              .add("type", record.getRecordType())
              .add("id", record.getRecordId())
              .add("sealedAt", record.getSealedAt().toString())
              .add("sha256", record.getSha256())
              .add("attachment", attachmentName(record)));
    }
    String source =
        JSON.createObjectBuilder()
            .add("type", "chart")
            .add("client", client.id())
            .add("generatedAt", now.toString())
            .add("records", listed)
            .build()
            .toString();
    return cover.render(
        "Client chart · " + client.name(),
        clinic,
        "chart-" + client.id() + ".json",
        source,
        RecordPdf.utc(now));
  }
}
