package org.myochart.load;

/** Text as it grows under a therapist's fingers: each save sends a little more of it. */
final class Typing {

  private Typing() {}

  /**
   * The sentence typed so far at save {@code save}; after the whole sentence, it starts again with
   * a new number.
   */
  static String words(String sentence, int save) {
    int typed = Math.min(sentence.length(), 8 + (save % 12) * (sentence.length() / 10 + 1));
    return sentence.substring(0, typed) + (save >= 12 ? " (" + save / 12 + ")" : "");
  }
}
