package org.myochart.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields a browser would submit for the form in a page or in a Faces partial answer: text,
 * hidden and number inputs with their values, checked radios and checkboxes, the selected option of
 * each select and the text of each textarea. Buttons are left out: the caller names the one
 * pressed. (Gatling's own form check skips inputs without a value attribute, which PrimeFaces
 * leaves off empty fields; Faces then decodes a select that is not sent as "no choice".)
 */
final class FormFields {

  private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
  private static final Pattern SELECT =
      Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
  private static final Pattern SELECTED =
      Pattern.compile("<option\\b[^>]*\\bvalue=\"([^\"]*)\"[^>]*\\bselected\\b");
  private static final Pattern TEXTAREA =
      Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);

  private FormFields() {}

  static Map<String, Object> read(String html) {
    Map<String, Object> fields = new LinkedHashMap<>();
    Matcher input = INPUT.matcher(html);
    while (input.find()) {
      String tag = input.group(1);
      String name = attribute(tag, "name");
      String type = attribute(tag, "type");
      if (name == null
          || name.startsWith("jakarta.faces")
          || "submit".equals(type)
          || "button".equals(type)) {
        continue;
      }
      String value = attribute(tag, "value");
      if ("radio".equals(type) || "checkbox".equals(type)) {
        if (tag.matches("(?s).*\\bchecked\\b.*")) {
          fields.put(name, value == null ? "on" : value);
        }
      } else {
        fields.put(name, value == null ? "" : value);
      }
    }
    Matcher select = SELECT.matcher(html);
    while (select.find()) {
      String name = attribute(select.group(1), "name");
      Matcher selected = SELECTED.matcher(select.group(2));
      if (name != null) {
        fields.put(name, selected.find() ? unescape(selected.group(1)) : "");
      }
    }
    Matcher textarea = TEXTAREA.matcher(html);
    while (textarea.find()) {
      String name = attribute(textarea.group(1), "name");
      if (name != null) {
        fields.put(name, unescape(textarea.group(2).replaceFirst("^\\r?\\n", "")));
      }
    }
    return fields;
  }

  private static String attribute(String tag, String name) {
    Matcher found = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
    return found.find() ? unescape(found.group(1)) : null;
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#58;", ":")
        .replace("&amp;", "&");
  }
}
