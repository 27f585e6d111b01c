package org.myochart.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.myochart.audit.RecordKind;

/**
 * Reads what the bytes of an uploaded PDF say about their seal. The signatures are found in the raw
 * bytes as well as through PDFBox, so that a file damaged beyond parsing is still checked (and
 * found broken) instead of refused. The certificate that checks the mathematics is the one the
 * signature carries; whose it is, {@link Verifications} decides from the clinic's own certificate
 * history, never from the names in the file.
 */
final class SealInspection {

  static final String CHART = "ClientChart";

  private static final byte[] BYTE_RANGE = "/ByteRange".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern SOURCE =
      Pattern.compile("(consent|note|addendum|chart)-(\\d{1,18})\\.json");

  /**
   * One signature and what checking it found; {@code certificateSha256} is the SHA-256 of the DER
   * certificate that checked it, or null when none could be read.
   */
  record SignatureCheck(
      boolean valid,
      boolean coversWholeFile,
      boolean cleanContents,
      String signer,
      Instant signedAt,
      String problem,
      String certificateSha256) {

    SignatureCheck(
        boolean valid,
        boolean coversWholeFile,
        boolean cleanContents,
        String signer,
        Instant signedAt,
        String problem) {
      this(valid, coversWholeFile, cleanContents, signer, signedAt, problem, null);
    }
  }

  /**
   * The file's seals and document timestamps, and the record it names (type and id, or nulls).
   *
   * @param signatures every signature that is not a document timestamp: a MyoChart record has one,
   *     the seal
   * @param archiveTimestamps the document timestamps added after the seal for long-term validation
   *     (PAdES B-LTA), oldest first
   * @param laterRevisionsProblem what the revisions after the seal change besides validation data
   *     and document timestamps, or null when nothing (or when there are none)
   */
  record Findings(
      List<SignatureCheck> signatures,
      List<SignatureCheck> archiveTimestamps,
      String laterRevisionsProblem,
      String recordType,
      Long recordId,
      boolean readable) {

    boolean allValid() {
      return signatures.stream().allMatch(SignatureCheck::valid);
    }

    /**
     * One valid seal with nothing hidden beside its value, and after it nothing or only long-term
     * validation data under valid document timestamps, the last of which covers every byte of the
     * file: the bytes a reader sees are those that were sealed.
     */
    boolean intact() {
      if (signatures.size() != 1
          || !signatures.get(0).valid()
          || !signatures.get(0).cleanContents()) {
        return false;
      }
      if (archiveTimestamps.isEmpty()) {
        return signatures.get(0).coversWholeFile();
      }
      return archiveTimestamps.stream().allMatch(t -> t.valid() && t.cleanContents())
          && newestArchiveTimestamp().coversWholeFile()
          && laterRevisionsProblem == null;
    }

    SignatureCheck last() {
      return signatures.get(signatures.size() - 1);
    }

    SignatureCheck newestArchiveTimestamp() {
      return archiveTimestamps.get(archiveTimestamps.size() - 1);
    }
  }

  private SealInspection() {}

  static Findings inspect(byte[] pdf) {
    if (pdf == null || pdf.length == 0) {
      throw new UploadRefused(
          UploadRefused.Reason.EMPTY, "The upload is empty: send the PDF file itself.");
    }
    if (!startsLikePdf(pdf)) {
      throw new UploadRefused(UploadRefused.Reason.NOT_PDF, "This file is not a PDF.");
    }
    List<int[]> ranges = rawByteRanges(pdf);
    Map<String, PDSignature> parsedSignatures = new java.util.LinkedHashMap<>();
    String type = null;
    Long id = null;
    boolean readable;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      if (doc.isEncrypted()) {
        throw encrypted();
      }
      readable = true;
      for (PDSignature signature : doc.getSignatureDictionaries()) {
        int[] range = signature.getByteRange();
        parsedSignatures.put(Arrays.toString(range), signature);
        if (range.length > 0 && ranges.stream().noneMatch(r -> Arrays.equals(r, range))) {
          ranges.add(range);
        }
      }
      Optional<Matcher> source = sourceName(doc);
      if (source.isPresent()) {
        type =
            switch (source.get().group(1)) {
              case "consent" -> RecordKind.CONSENT.typeName();
              case "note" -> RecordKind.SOAP_NOTE.typeName();
              case "addendum" -> RecordKind.NOTE_ADDENDUM.typeName();
              default -> CHART;
            };
        id = Long.parseLong(source.get().group(2));
      }
    } catch (InvalidPasswordException e) {
      throw encrypted();
    } catch (IOException | RuntimeException e) {
      if (e instanceof UploadRefused refused) {
        throw refused;
      }
      readable = false;
    }
    if (ranges.isEmpty()) {
      if (!readable) {
        throw new UploadRefused(
            UploadRefused.Reason.UNREADABLE,
            "This file starts like a PDF but cannot be read as one: it is damaged, cut short or not really a PDF.");
      }
      throw new UploadRefused(
          UploadRefused.Reason.UNSIGNED,
          "This PDF carries no signature, so there is no seal to verify.");
    }
    List<SignatureCheck> seals = new ArrayList<>();
    List<SignatureCheck> archiveTimestamps = new ArrayList<>();
    List<int[]> timestampRanges = new ArrayList<>();
    int[] sealRange = null;
    for (int[] range : ranges) {
      PDSignature parsed = parsedSignatures.get(Arrays.toString(range));
      if (LongTermValidation.isDocumentTimestamp(parsed)) {
        archiveTimestamps.add(SealSignature.checkDocumentTimestamp(pdf, range));
        timestampRanges.add(range);
      } else {
        seals.add(SealSignature.check(pdf, range, parsed));
        sealRange = range;
      }
    }
    if (seals.isEmpty()) {
      throw new UploadRefused(
          UploadRefused.Reason.UNSIGNED,
          "This PDF carries only document timestamps and no seal, so there is no seal to verify.");
    }
    String laterRevisionsProblem =
        archiveTimestamps.isEmpty() || seals.size() != 1 || !seals.get(0).valid()
            ? null
            : ArchiveRevisions.problem(pdf, sealRange[2] + sealRange[3], timestampRanges);
    return new Findings(
        List.copyOf(seals),
        List.copyOf(archiveTimestamps),
        laterRevisionsProblem,
        type,
        id,
        readable);
  }

  private static UploadRefused encrypted() {
    return new UploadRefused(
        UploadRefused.Reason.ENCRYPTED,
        "This PDF is encrypted. MyoChart's sealed records never are, so this is not one as we issued it.");
  }

  /** PDF readers accept the header anywhere in the first 1024 bytes. */
  private static boolean startsLikePdf(byte[] pdf) {
    String head = new String(pdf, 0, Math.min(pdf.length, 1024), StandardCharsets.ISO_8859_1);
    return head.contains("%PDF-");
  }

  /** Every {@code /ByteRange [a b c d]} written in the file's bytes, in file order. */
  static List<int[]> rawByteRanges(byte[] pdf) {
    List<int[]> ranges = new ArrayList<>();
    for (int at = indexOf(pdf, BYTE_RANGE, 0);
        at >= 0;
        at = indexOf(pdf, BYTE_RANGE, at + BYTE_RANGE.length)) {
      int i = skipSpace(pdf, at + BYTE_RANGE.length);
      if (i >= pdf.length || pdf[i] != '[') {
        continue;
      }
      i++;
      long[] numbers = new long[4];
      int count = 0;
      while (true) {
        i = skipSpace(pdf, i);
        if (i >= pdf.length || pdf[i] == ']' || count == 4) {
          break;
        }
        long number = 0;
        int digits = 0;
        while (i < pdf.length && pdf[i] >= '0' && pdf[i] <= '9' && digits < 12) {
          number = number * 10 + (pdf[i] - '0');
          i++;
          digits++;
        }
        if (digits == 0) {
          break;
        }
        numbers[count++] = number;
      }
      boolean wellFormed =
          count == 4
              && i < pdf.length
              && pdf[i] == ']'
              && Arrays.stream(numbers).allMatch(n -> n <= Integer.MAX_VALUE);
      int[] range =
          wellFormed
              ? Arrays.stream(numbers).mapToInt(n -> (int) n).toArray()
              : new int[] {-1, -1, -1, -1};
      if (ranges.stream().noneMatch(r -> Arrays.equals(r, range))) {
        ranges.add(range);
      }
    }
    return ranges;
  }

  /**
   * The attached JSON source names the record: consent-12.json, note-5.json, addendum-3.json,
   * chart-7.json.
   */
  private static Optional<Matcher> sourceName(PDDocument doc) throws IOException {
    PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
    if (names == null || names.getEmbeddedFiles() == null) {
      return Optional.empty();
    }
    List<String> found = new ArrayList<>();
    collect(names.getEmbeddedFiles(), found, 0);
    return found.stream().map(SOURCE::matcher).filter(Matcher::matches).findFirst();
  }

  private static void collect(
      org.apache.pdfbox.pdmodel.common.PDNameTreeNode<PDComplexFileSpecification> node,
      List<String> found,
      int depth)
      throws IOException {
    Map<String, PDComplexFileSpecification> entries = node.getNames();
    if (entries != null) {
      found.addAll(entries.keySet());
    }
    if (node.getKids() != null && depth < 8) {
      for (var kid : node.getKids()) {
        collect(kid, found, depth + 1);
      }
    }
  }

  private static int skipSpace(byte[] pdf, int from) {
    int i = from;
    while (i < pdf.length
        && (pdf[i] == ' '
            || pdf[i] == '\n'
            || pdf[i] == '\r'
            || pdf[i] == '\t'
            || pdf[i] == '\f'
            || pdf[i] == 0)) {
      i++;
    }
    return i;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
