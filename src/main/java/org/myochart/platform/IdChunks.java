package org.myochart.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Ids split into lists short enough for one {@code IN (...)} of a query, so that a page reading
 * many clients at once asks a few queries instead of one per client, on H2 and PostgreSQL alike.
 */
public final class IdChunks {

  /** Well below what either database accepts as bound parameters of one statement. */
  public static final int SIZE = 500;

  private IdChunks() {}

  /** The distinct ids, in their first order, in lists of at most {@link #SIZE}. */
  public static List<List<Long>> of(Collection<Long> ids) {
    List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
    List<List<Long>> chunks = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += SIZE) {
      chunks.add(List.copyOf(distinct.subList(from, Math.min(distinct.size(), from + SIZE))));
    }
    return chunks;
  }
}
