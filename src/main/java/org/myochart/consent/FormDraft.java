package org.myochart.consent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.myochart.platform.TextRules;

/**
 * What an owner writes before publishing a consent form version: the wording, the lines the
 * client answers, and the rules the signed consent follows.
 */
public record FormDraft(
    String title,
    String bodyMarkdown,
    List<String> acknowledgements,
    List<String> techniques,
    Integer validityMonths,
    boolean requiresReconsent,
    boolean requiresWitness) {

  public static final int LONGEST_BODY = 50_000;
  public static final int MOST_ITEMS = 30;

  public FormDraft {
    title = TextRules.clean(title);
    bodyMarkdown = bodyMarkdown == null ? null : bodyMarkdown.strip().replace("\r\n", "\n");
    acknowledgements = lines(acknowledgements);
    techniques = lines(techniques);
  }

  /** One item per non-blank line, as typed into a text area. */
  public static List<String> splitLines(String text) {
    return text == null ? List.of() : List.of(text.split("\\R"));
  }

  private static List<String> lines(List<String> raw) {
    List<String> kept = new ArrayList<>();
    if (raw != null) {
      for (String line : raw) {
        String clean = TextRules.clean(line);
        if (clean != null) {
          kept.add(clean);
        }
      }
    }
    return List.copyOf(kept);
  }

  /** Field name to message for everything that stops this draft from being published. */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    TextRules.check(problems, "title", "title", title, 200, true, false);
    if (bodyMarkdown == null || bodyMarkdown.isBlank()) {
      problems.put("body", "Enter the text of the form.");
    } else {
      TextRules.check(problems, "body", "text of the form", bodyMarkdown, LONGEST_BODY, true, true);
    }
    checkItems(problems, "acknowledgements", "acknowledgement", acknowledgements, true);
    checkItems(problems, "techniques", "technique", techniques, false);
    if (validityMonths == null) {
      problems.put("validityMonths", "Enter for how many months a signature stays valid.");
    } else if (validityMonths < 1 || validityMonths > 120) {
      problems.put("validityMonths", "A signature stays valid for 1 to 120 months.");
    }
    return problems;
  }

  private static void checkItems(Map<String, String> problems, String field, String label, List<String> items,
      boolean required) {
    if (required && items.isEmpty()) {
      problems.put(field, "Add at least one " + label + " the client must tick.");
      return;
    }
    if (items.size() > MOST_ITEMS) {
      problems.put(field, "A form may have at most " + MOST_ITEMS + " " + label + "s; this one has " + items.size() + ".");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (String item : items) {
      Map<String, String> itemProblems = new LinkedHashMap<>();
      TextRules.check(itemProblems, field, label, item, 1000, true, false);
      if (!itemProblems.isEmpty()) {
        problems.put(field, itemProblems.get(field) + " (\"" + abbreviate(item) + "\")");
        return;
      }
      if (!seen.add(item.toLowerCase(Locale.ROOT))) {
        problems.put(field, "The " + label + " \"" + abbreviate(item) + "\" is listed twice.");
        return;
      }
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  /** The published lines: acknowledgements first, then techniques, each with a stable code. */
  List<FormItem> items() {
    List<FormItem> items = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    acknowledgements.forEach(text -> items.add(new FormItem(ItemKind.ACKNOWLEDGEMENT, code(text, codes), text)));
    techniques.forEach(text -> items.add(new FormItem(ItemKind.TECHNIQUE, code(text, codes), text)));
    return items;
  }

  /** A short code from the wording, so the same technique keeps its code across versions. */
  static String code(String text, Set<String> taken) {
    String slug = org.myochart.platform.Slugs.of(text, 34, "item");
    String code = slug;
    for (int n = 2; !taken.add(code); n++) {
      code = slug + "-" + n;
    }
    return code;
  }

  /**
   * Exactly the wording the client is shown, in a fixed layout. Its SHA-256 identifies the text a
   * signature was given to.
   */
  String shownText() {
    StringBuilder text = new StringBuilder();
    text.append(title).append("\n\n").append(bodyMarkdown).append("\n\n");
    text.append("Acknowledgements (each must be ticked):\n");
    acknowledgements.forEach(line -> text.append("[ ] ").append(line).append('\n'));
    if (!techniques.isEmpty()) {
      text.append("\nOptional techniques (each accepted or declined):\n");
      techniques.forEach(line -> text.append("( ) ").append(line).append('\n'));
    }
    text.append("\nValid for ").append(validityMonths).append(validityMonths == 1 ? " month" : " months")
        .append(" from signing.").append(requiresWitness ? " A staff member witnesses the signature." : "").append('\n');
    return text.toString();
  }
}
