package org.myochart.record;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Decides whether what was written after a seal is only long-term validation data: the file as a
 * whole is compared, object by object from its catalog and information dictionary, with the
 * revision the seal signed. The later revisions may add the document security store and invisible
 * document timestamp fields (on the form and on a page's annotations), and nothing else: a changed
 * page, attachment, metadata, form value or any other object is named as a change after sealing.
 */
final class ArchiveRevisions {

  private static final Logger LOG = Logger.getLogger(ArchiveRevisions.class.getName());

  /** What PDFBox writes into a document timestamp's merged field and widget. */
  private static final Set<COSName> FIELD_KEYS =
      Set.of(
          COSName.FT,
          COSName.TYPE,
          COSName.SUBTYPE,
          COSName.F,
          COSName.T,
          COSName.V,
          COSName.P,
          COSName.RECT,
          COSName.AP);

  /** What a document timestamp's signature dictionary holds. */
  private static final Set<COSName> VALUE_KEYS =
      Set.of(
          COSName.TYPE,
          COSName.FILTER,
          COSName.SUB_FILTER,
          COSName.BYTERANGE,
          COSName.CONTENTS,
          COSName.M,
          COSName.getPDFName("Prop_Build"));

  private ArchiveRevisions() {}

  /**
   * What the bytes after {@code sealedLength} change in the document, or null when they only add
   * validation data and the document timestamps whose byte ranges are {@code timestampRanges}
   * (those {@link SealInspection} checked).
   */
  static String problem(byte[] pdf, int sealedLength, List<int[]> timestampRanges) {
    try (PDDocument sealed = Loader.loadPDF(Arrays.copyOf(pdf, sealedLength));
        PDDocument now = Loader.loadPDF(pdf)) {
      Comparison comparison = new Comparison(timestampRanges);
      COSDictionary store = now.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.DSS);
      if (store != null && !securityStoreOnly(store)) {
        return "the validation data store holds more than certificates and revocation data";
      }
      if (!comparison.same(
          sealed.getDocumentCatalog().getCOSObject(),
          now.getDocumentCatalog().getCOSObject(),
          Context.CATALOG)) {
        return comparison.change;
      }
      if (!comparison.same(
          sealed.getDocumentInformation().getCOSObject(),
          now.getDocumentInformation().getCOSObject(),
          Context.OTHER)) {
        return "the document information (title, author) was changed after sealing";
      }
      if (comparison.timestampFields != timestampRanges.size()) {
        return "the document timestamps and their fields do not correspond";
      }
      return null;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.INFO, "An uploaded PDF's later revisions cannot be read: {0}", e.toString());
      return "what was added after sealing cannot be read";
    }
  }

  /** A DSS of certificates, CRLs, OCSP responses and VRI entries, each a stream, nothing else. */
  private static boolean securityStoreOnly(COSDictionary store) {
    for (COSName key : store.keySet()) {
      if (COSName.TYPE.equals(key)) {
        continue;
      }
      if (COSName.VRI.equals(key)) {
        continue;
      }
      if (!Set.of(COSName.CERTS, COSName.CRLS, COSName.OCSPS).contains(key)
          || !(store.getDictionaryObject(key) instanceof COSArray items)) {
        return false;
      }
      for (int i = 0; i < items.size(); i++) {
        if (!(items.getObject(i) instanceof COSStream)) {
          return false;
        }
      }
    }
    return true;
  }

  private enum Context {
    CATALOG,
    FORM,
    OTHER
  }

  /** One walk over both object graphs; each pair of objects is compared once. */
  private static final class Comparison {

    private final Map<COSBase, COSBase> paired = new IdentityHashMap<>();
    private final List<int[]> timestampRanges;
    private final Set<COSBase> timestampFieldsSeen =
        Collections.newSetFromMap(new IdentityHashMap<>());
    private int timestampFields;
    private String change = "the content was changed after sealing";

    Comparison(List<int[]> timestampRanges) {
      this.timestampRanges = timestampRanges;
    }

    boolean same(COSBase before, COSBase after, Context context) throws IOException {
      COSBase a = resolved(before);
      COSBase b = resolved(after);
      if (a == null || b == null) {
        return a == b;
      }
      COSBase known = paired.get(a);
      if (known != null) {
        return known == b;
      }
      paired.put(a, b);
      if (a instanceof COSStream sa) {
        return b instanceof COSStream sb && sameDictionary(sa, sb, context) && sameBytes(sa, sb);
      }
      if (a instanceof COSDictionary da) {
        return b instanceof COSDictionary db
            && !(b instanceof COSStream)
            && sameDictionary(da, db, context);
      }
      if (a instanceof COSArray aa) {
        return b instanceof COSArray ab && aa.size() == ab.size() && sameItems(aa, ab, aa.size());
      }
      if (a instanceof COSString sa) {
        return b instanceof COSString sb && Arrays.equals(sa.getBytes(), sb.getBytes());
      }
      if (a instanceof COSInteger ia) {
        return b instanceof COSInteger ib && ia.longValue() == ib.longValue();
      }
      if (a instanceof COSNumber na) {
        return b instanceof COSNumber nb
            && !(b instanceof COSInteger)
            && Float.compare(na.floatValue(), nb.floatValue()) == 0;
      }
      return a.equals(b);
    }

    private boolean sameDictionary(COSDictionary a, COSDictionary b, Context context)
        throws IOException {
      boolean page = COSName.PAGE.equals(a.getCOSName(COSName.TYPE));
      for (COSName key : b.keySet()) {
        if (!a.containsKey(key) && !allowedNewKey(key, context, page)) {
          change = "\"" + key.getName() + "\" was added after sealing";
          return false;
        }
      }
      Set<COSName> keys = new LinkedHashSet<>(a.keySet());
      keys.addAll(b.keySet());
      for (COSName key : keys) {
        if (context == Context.CATALOG && COSName.DSS.equals(key)) {
          continue;
        }
        boolean equal;
        if (context == Context.CATALOG && COSName.ACRO_FORM.equals(key)) {
          equal = same(a.getItem(key), b.getItem(key), Context.FORM);
        } else if ((context == Context.FORM && COSName.FIELDS.equals(key))
            || (page && COSName.ANNOTS.equals(key))) {
          // Also when the key is new: a page without annotations when sealed may gain only
          // document timestamps.
          equal = onlyTimestampsAdded(a.getDictionaryObject(key), b.getDictionaryObject(key));
        } else {
          equal = same(a.getItem(key), b.getItem(key), Context.OTHER);
        }
        if (!equal) {
          if (change.startsWith("the content")) {
            change = "\"" + key.getName() + "\" was changed after sealing";
          }
          return false;
        }
      }
      return true;
    }

    private static boolean allowedNewKey(COSName key, Context context, boolean page) {
      return (context == Context.CATALOG && (COSName.DSS.equals(key)))
          || (context == Context.FORM && COSName.FIELDS.equals(key))
          || (page && COSName.ANNOTS.equals(key));
    }

    /** The old items, unchanged and in order, then only document timestamp fields. */
    private boolean onlyTimestampsAdded(COSBase before, COSBase after) throws IOException {
      COSArray a = before instanceof COSArray array ? array : new COSArray();
      if (!(after instanceof COSArray b) || b.size() < a.size()) {
        return false;
      }
      if (!sameItems(a, b, a.size())) {
        return false;
      }
      for (int i = a.size(); i < b.size(); i++) {
        if (!(resolved(b.get(i)) instanceof COSDictionary field) || !documentTimestamp(field)) {
          change = "a form field or annotation was added after sealing";
          return false;
        }
      }
      return true;
    }

    /** The first {@code count} items of both arrays are the same. */
    private boolean sameItems(COSArray a, COSArray b, int count) throws IOException {
      for (int i = 0; i < count; i++) {
        if (!same(a.get(i), b.get(i), Context.OTHER)) {
          return false;
        }
      }
      return true;
    }

    /**
     * An invisible signature widget whose value is one of the document timestamps that were
     * checked, with nothing but the entries such a field has: no action, no attachment, no other
     * kind of annotation. Counted once, whether found among the fields or a page's annotations.
     */
    private boolean documentTimestamp(COSDictionary field) {
      if (!FIELD_KEYS.containsAll(field.keySet())
          || !COSName.SIG.equals(field.getCOSName(COSName.FT))
          || !COSName.WIDGET.equals(field.getCOSName(COSName.SUBTYPE))
          || !(field.getDictionaryObject(COSName.V) instanceof COSDictionary value)
          || !VALUE_KEYS.containsAll(value.keySet())) {
        return false;
      }
      COSArray rect = field.getCOSArray(COSName.RECT);
      if (rect == null || rect.size() != 4) {
        return false;
      }
      float[] box = rect.toFloatArray();
      int[] range = byteRange(value.getCOSArray(COSName.BYTERANGE));
      boolean checked =
          range != null && timestampRanges.stream().anyMatch(r -> Arrays.equals(r, range));
      boolean isNew = timestampFieldsSeen.add(field);
      if (isNew && checked) {
        timestampFields++;
      }
      return box[0] == box[2]
          && box[1] == box[3]
          && checked
          && COSName.DOC_TIME_STAMP.equals(value.getCOSName(COSName.TYPE))
          && LongTermValidation.RFC3161.equals(value.getCOSName(COSName.SUB_FILTER));
    }

    private static int[] byteRange(COSArray array) {
      if (array == null || array.size() != 4) {
        return null;
      }
      int[] range = new int[4];
      for (int i = 0; i < 4; i++) {
        if (!(array.getObject(i) instanceof COSInteger number)) {
          return null;
        }
        range[i] = number.intValue();
      }
      return range;
    }

    private static boolean sameBytes(COSStream a, COSStream b) throws IOException {
      try (InputStream ia = a.createRawInputStream();
          InputStream ib = b.createRawInputStream()) {
        return Arrays.equals(ia.readAllBytes(), ib.readAllBytes());
      }
    }

    private static COSBase resolved(COSBase base) {
      return base instanceof COSObject object ? object.getObject() : base;
    }
  }
}
