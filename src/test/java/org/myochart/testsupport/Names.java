package org.myochart.testsupport;

import java.util.UUID;

/** Names no other test uses, made of letters only so that search reads them as names. */
public final class Names {

  private Names() {}

  /** A phone number of the client's own, so that no two test clients share one. */
  public static String phoneOf(String surname) {
    return "+47 9" + String.format("%07d", Math.floorMod(surname.hashCode(), 10_000_000));
  }

  public static String uniqueSurname(String prefix) {
    StringBuilder letters = new StringBuilder(prefix);
    for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
      letters.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
    }
    return letters.toString();
  }
}
