package org.myochart.consent;

import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.myochart.platform.TypedText;
import org.myochart.platform.validation.Between;
import org.myochart.platform.validation.Lines;
import org.myochart.platform.validation.Required;
import org.myochart.platform.validation.Text;

/**
 * What an owner writes before publishing a consent form version: the wording, the lines the client
 * answers, and the rules the signed consent follows.
 */
public record FormDraft(
    @Required(label = "title") @Text(label = "title", max = 200) String title,
    @Required(label = "text of the form")
        @Text(label = "text of the form", max = FormDraft.LONGEST_BODY, multiline = true)
        String body,
    @Lines(label = "acknowledgement", max = 1000, most = FormDraft.MOST_ITEMS, atLeastOne = true)
        List<String> acknowledgements,
    @Lines(label = "technique", max = 1000, most = FormDraft.MOST_ITEMS) List<String> techniques,
    @NotNull(message = "{consent.validityMonths.required}")
        @Between(min = 1, max = 120, message = "{consent.validityMonths.range}")
        Integer validityMonths,
    boolean requiresReconsent,
    boolean requiresWitness) {

  public static final int LONGEST_BODY = 50_000;
  public static final int MOST_ITEMS = 30;

  public FormDraft {
    title = TypedText.clean(title);
    body = body == null ? null : body.strip().replace("\r\n", "\n");
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
        String clean = TypedText.clean(line);
        if (clean != null) {
          kept.add(clean);
        }
      }
    }
    return List.copyOf(kept);
  }

  /** The published lines: acknowledgements first, then techniques, each with a stable code. */
  List<FormItem> items() {
    List<FormItem> items = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    acknowledgements.forEach(
        text -> items.add(new FormItem(ItemKind.ACKNOWLEDGEMENT, code(text, codes), text)));
    techniques.forEach(
        text -> items.add(new FormItem(ItemKind.TECHNIQUE, code(text, codes), text)));
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
    text.append(title).append("\n\n").append(body).append("\n\n");
    text.append("Acknowledgements (each must be ticked):\n");
    acknowledgements.forEach(line -> text.append("[ ] ").append(line).append('\n'));
    if (!techniques.isEmpty()) {
      text.append("\nOptional techniques (each accepted or declined):\n");
      techniques.forEach(line -> text.append("( ) ").append(line).append('\n'));
    }
    text.append("\nValid for ")
        .append(validityMonths)
        .append(validityMonths == 1 ? " month" : " months")
        .append(" from signing.")
        .append(requiresWitness ? " A staff member witnesses the signature." : "")
        .append('\n');
    return text.toString();
  }
}
