package org.myochart.testsupport;

import java.util.UUID;

/** Names no other test uses, made of letters only so that search reads them as names. */
public final class Names {

  private Names() {}

  public static String uniqueSurname(String prefix) {
    StringBuilder letters = new StringBuilder(prefix);
    for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
      letters.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
    }
    return letters.toString();
  }
}
