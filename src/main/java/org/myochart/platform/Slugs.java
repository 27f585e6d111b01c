package org.myochart.platform;

import java.text.Normalizer;
import java.util.Locale;

/** Short lower-case codes made from names, stable and readable in exports. */
public final class Slugs {

  private Slugs() {}

  /** Letters without an accent-free form are spelled out (æ, ø, ß…) so names stay distinct. */
  public static String of(String text, int maxLength, String fallback) {
    String spelled =
        text.replace("æ", "ae")
            .replace("Æ", "Ae")
            .replace("ø", "o")
            .replace("Ø", "O")
            .replace("ß", "ss")
            .replace("œ", "oe")
            .replace("Œ", "Oe")
            .replace("ł", "l")
            .replace("Ł", "L")
            .replace("đ", "d")
            .replace("Đ", "D")
            .replace("þ", "th")
            .replace("Þ", "Th");
    String ascii = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    if (slug.isEmpty()) {
      return fallback;
    }
    return slug.length() > maxLength ? slug.substring(0, maxLength).replaceAll("-$", "") : slug;
  }
}
