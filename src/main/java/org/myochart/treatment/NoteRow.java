package org.myochart.treatment;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.myochart.anatomy.CatalogueEntry;
import org.myochart.anatomy.CatalogueKind;
import org.myochart.anatomy.CautionCondition;

/**
 * One row of a list in a note (a treated muscle, a pressure point, a trigger point, an avoided
 * area, an adverse response): how it is copied, hashed and read, so that the note's {@link
 * NoteField}s can treat every list alike.
 */
interface NoteRow {

  NoteRow copy();

  /** The row in the canonical JSON of the given {@link CanonicalForm} version. */
  JsonObject canonical(int form);

  /**
   * @param names turns "MUSCLE:upper-trapezius" into "Upper trapezius"
   */
  String readable(Function<String, String> names);

  /**
   * The catalogue's caution for an entry under the client's conditions, added to the list if there
   * is one.
   */
  static void addCaution(
      List<String> cautions,
      Map<String, CatalogueEntry> catalogue,
      CatalogueKind kind,
      String code,
      Set<CautionCondition> conditions) {
    CatalogueEntry entry = catalogue.get(kind + ":" + code);
    String caution = entry == null ? null : entry.cautionFor(conditions);
    if (caution != null) {
      cautions.add(caution);
    }
  }

  static String side(org.myochart.anatomy.Side side) {
    return side == null ? "(side?)" : "(" + side.label().toLowerCase() + ")";
  }
}
