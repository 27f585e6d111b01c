package org.myochart.testsupport;

/**
 * What integration test classes share on the demo clinic and must not change or count at the same
 * time: the names of {@code @ResourceLock}s. Test classes run concurrently (the failsafe plugin's
 * JUnit configuration); a class that changes something another class counts exactly, or that both
 * change, holds the lock for that thing, and the two then take turns. A class that changes what
 * every other class relies on (the audit trail it tampers with, the timestamp authority it breaks,
 * a required consent form it publishes) is {@code @Isolated} and runs alone instead.
 */
public final class SharedDemoData {

  /** Whether therapist2 may open Anna's record (break-glass grants), and therapist2's refusals. */
  public static final String THERAPIST2_ACCESS = "therapist2 access";

  /** The front desk's sign-outs and failed sign-ins, which kiosk tests count. */
  public static final String FRONT_DESK_SIGN_INS = "frontdesk sign-ins";

  /**
   * The clinic-wide public verification switch, and the owner's checks of the first sealed note.
   */
  public static final String VERIFICATION = "verification";

  /** The list of audit exports, and its count. */
  public static final String EXPORTS = "exports";

  /** Anna's notes, visit checks and sealed records, therapist1's signatures, and Anna's charts. */
  public static final String ANNAS_RECORDS = "Anna's records";

  /** Jonas's visit checks. */
  public static final String JONAS_SESSIONS = "Jonas's sessions";

  /** FHIR exports of the demo clients, counted in the audit trail. */
  public static final String FHIR_EXPORTS = "FHIR exports";

  /** The API tokens issued, counted. */
  public static final String API_TOKENS = "API tokens";

  private SharedDemoData() {}
}
