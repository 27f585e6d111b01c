package org.myochart.platform;

/**
 * The {@code @Priority} of each observer of {@link SchemaMigrated}, lowest first. Data the clinic
 * needs comes before the accounts that use it, the demo clinic after both, and background work
 * last, once everything it may touch exists.
 */
public final class StartupOrder {

  /** Reference data an empty clinic starts with (the default consent forms). */
  public static final int REFERENCE_DATA = 100;

  /** The first accounts, from the environment. */
  public static final int ACCOUNTS = 200;

  /** Sample data built on the reference data and accounts (the demo clinic). */
  public static final int SAMPLE_DATA = 300;

  /** Work that runs in the background: resumed jobs, scheduled checks. */
  public static final int BACKGROUND_WORK = 400;

  private StartupOrder() {}
}
