package org.myochart.client;

/**
 * Headache warning signs that need a physician before any massage. A "yes" to any of them blocks
 * treatment until a therapist records a medical clearance.
 */
public enum RedFlag {
  THUNDERCLAP("A sudden, severe headache — the worst you have ever had"),
  NEW_PATTERN("A new kind of headache, or headaches that started after age 50"),
  WORSENING("Headaches that are getting more frequent or stronger"),
  NEUROLOGICAL("Weakness, numbness, loss of vision, confusion or trouble speaking"),
  FEVER_STIFF_NECK("Fever together with a stiff neck"),
  AFTER_HEAD_INJURY("A headache that began after a blow to the head");

  private final String question;

  RedFlag(String question) {
    this.question = question;
  }

  public String question() {
    return question;
  }

  public String getQuestion() {
    return question;
  }
}
