package org.myochart.record;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
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

  private ArchiveRevisions() {}

  /**
   * What the bytes after {@code sealedLength} change in the document, or null when they only add
   * validation data and document timestamps.
   */
  static String problem(byte[] pdf, int sealedLength) {
    try (PDDocument sealed = Loader.loadPDF(Arrays.copyOf(pdf, sealedLength));
        PDDocument now = Loader.loadPDF(pdf)) {
      Comparison comparison = new Comparison();
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
      return null;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.INFO, "An uploaded PDF's later revisions cannot be read: {0}", e.toString());
      return "what was added after sealing cannot be read";
    }
  }

  private enum Context {
    CATALOG,
    FORM,
    OTHER
  }

  /** One walk over both object graphs; each pair of objects is compared once. */
  private static final class Comparison {

    private final Map<COSBase, COSBase> paired = new IdentityHashMap<>();
    private String change = "the content was changed after sealing";

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
      if (a instanceof COSNumber na) {
        return b instanceof COSNumber nb && na.floatValue() == nb.floatValue();
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
      for (COSName key : a.keySet()) {
        if (context == Context.CATALOG && COSName.DSS.equals(key)) {
          continue;
        }
        boolean equal;
        if (context == Context.CATALOG && COSName.ACRO_FORM.equals(key)) {
          equal = same(a.getItem(key), b.getItem(key), Context.FORM);
        } else if ((context == Context.FORM && COSName.FIELDS.equals(key))
            || (page && COSName.ANNOTS.equals(key))) {
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

    /** An invisible signature field whose value is an RFC 3161 document timestamp. */
    private static boolean documentTimestamp(COSDictionary field) {
      if (!COSName.SIG.equals(field.getCOSName(COSName.FT))
          || !(field.getDictionaryObject(COSName.V) instanceof COSDictionary value)) {
        return false;
      }
      COSArray rect = field.getCOSArray(COSName.RECT);
      boolean invisible =
          rect != null
              && rect.size() == 4
              && rect.toFloatArray()[0] == rect.toFloatArray()[2]
              && rect.toFloatArray()[1] == rect.toFloatArray()[3];
      return invisible
          && COSName.DOC_TIME_STAMP.equals(value.getCOSName(COSName.TYPE))
          && LongTermValidation.RFC3161.equals(value.getCOSName(COSName.SUB_FILTER));
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
