package org.myochart.treatment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number the treatment plan's goal aims for on one of the outcomes charted over the sessions,
 * read from the goal as the therapist wrote it: "from 8 to 4 headache days a month", "pain down to
 * 3/10". A goal that names no such number (e.g. "an easier neck") has none, and the charts draw no
 * goal line rather than guess one.
 */
public record GoalTarget(Outcome outcome, int value) implements Serializable {

  /** The outcomes a goal can aim for, each charted on the client's Outcomes tab. */
  public enum Outcome {
    /** Headache days a month; charted against the headache days reported at each visit. */
    HEADACHE_DAYS("headache days a month", 31),
    /** Pain intensity on the 0–10 scale, charted against the pain before each session. */
    PAIN("pain", 10);

    private final String words;
    private final int largest;

    Outcome(String words, int largest) {
      this.words = words;
      this.largest = largest;
    }
  }

  /** "… 4 a month", "… to 4 headache days per month", the number before the month. */
  private static final Pattern PER_MONTH =
      Pattern.compile(
          "(\\d{1,2})\\s*(?:headache\\s+days?\\s*|days?\\s*)?(?:a|per|each|every|/)\\s*month");

  /** "pain … to 3", "pain below 3/10", the number after the first bound that follows "pain". */
  private static final Pattern PAIN_BOUND =
      Pattern.compile(
          "\\bpain\\b[^.;]*?\\b(?:to|at most|below|under|no more than|not above)\\s+(\\d{1,2})(?:\\s*/\\s*10)?");

  /** The targets the goal names, at most one per outcome; none when it names no number. */
  public static List<GoalTarget> in(String goal) {
    List<GoalTarget> targets = new ArrayList<>();
    if (goal == null) {
      return targets;
    }
    String text = goal.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (text.contains("headache")) {
      Matcher month = PER_MONTH.matcher(text);
      Integer last = null;
      while (month.find()) {
        last = Integer.valueOf(month.group(1));
      }
      add(targets, Outcome.HEADACHE_DAYS, last);
    }
    Matcher pain = PAIN_BOUND.matcher(text);
    add(targets, Outcome.PAIN, pain.find() ? Integer.valueOf(pain.group(1)) : null);
    return targets;
  }

  private static void add(List<GoalTarget> targets, Outcome outcome, Integer value) {
    if (value != null && value <= outcome.largest) {
      targets.add(new GoalTarget(outcome, value));
    }
  }

  /** The target in words, e.g. "4 headache days a month" or "pain 3/10". */
  public String words() {
    return outcome == Outcome.PAIN ? "pain " + value + "/10" : value + " " + outcome.words;
  }

  /** The line's legend, e.g. "Plan goal: 4 headache days a month". */
  public String label() {
    return "Plan goal: " + words();
  }
}
