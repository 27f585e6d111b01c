package org.myochart.client;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What staff typed in the search box, understood as a date of birth (2026-03-14 or 14.03.2026), a
 * phone number (mostly digits), or name prefixes ("ann ber" finds Anna Bergström).
 */
public record ClientSearch(
    Optional<LocalDate> dateOfBirth, Optional<String> phoneDigits, List<String> namePrefixes) {

  public static final int LONGEST_QUERY = 100;
  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("d.M.uuuu"),
          DateTimeFormatter.ofPattern("d/M/uuuu"));

  public static ClientSearch of(String raw) {
    String query = raw == null ? "" : raw.strip();
    if (query.length() > LONGEST_QUERY) {
      query = query.substring(0, LONGEST_QUERY);
    }
    for (DateTimeFormatter format : DATES) {
      try {
        return new ClientSearch(
            Optional.of(LocalDate.parse(query, format)), Optional.empty(), List.of());
      } catch (DateTimeParseException notThisFormat) {
        // try the next
      }
    }
    String digits = query.replaceAll("[^0-9]", "");
    if (digits.length() >= 3 && digits.length() * 2 > query.replace(" ", "").length()) {
      return new ClientSearch(Optional.empty(), Optional.of(digits), List.of());
    }
    List<String> prefixes = new ArrayList<>();
    for (String word : query.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
      // Only characters that occur in names; LIKE wildcards and the rest are dropped.
      String term = word.replaceAll("[^\\p{L}\\p{M}0-9'.-]", "");
      if (!term.isBlank() && prefixes.size() < 3) {
        prefixes.add(term);
      }
    }
    return new ClientSearch(Optional.empty(), Optional.empty(), List.copyOf(prefixes));
  }

  public boolean isEmpty() {
    return dateOfBirth.isEmpty() && phoneDigits.isEmpty() && namePrefixes.isEmpty();
  }
}
