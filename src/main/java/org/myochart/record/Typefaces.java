package org.myochart.record;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

/**
 * The JVM's parsed DejaVu faces, lent to one document at a time. Parsing the fonts took most of the
 * time of sealing a record; now each set is parsed once and reused. Records are sealed
 * concurrently, so there are as many sets as processors (at least two), parsed when first needed.
 */
final class Typefaces {

  private static final int SETS = Math.max(2, Runtime.getRuntime().availableProcessors());
  private static final Semaphore LENT = new Semaphore(SETS);
  private static final ConcurrentLinkedDeque<DejaVuFaces> IDLE = new ConcurrentLinkedDeque<>();

  /** What a document does with the faces while it holds them, up to and including its saving. */
  interface Use<T> {
    T with(DejaVuFaces faces) throws IOException;
  }

  private Typefaces() {}

  static <T> T borrow(Use<T> use) throws IOException {
    LENT.acquireUninterruptibly();
    DejaVuFaces faces = IDLE.pollFirst();
    try {
      if (faces == null) {
        faces = DejaVuFaces.parse();
      }
      return use.with(faces);
    } finally {
      if (faces != null) {
        IDLE.offerFirst(faces);
      }
      LENT.release();
    }
  }
}
