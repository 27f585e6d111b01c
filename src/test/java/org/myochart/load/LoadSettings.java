package org.myochart.load;

import java.time.Duration;

/**
 * The load test's settings, from system properties so that one simulation serves both the
 * ten-minute busy hour and the one-minute smoke run in the build.
 *
 * @param baseUrl the server, e.g. {@code http://127.0.0.1:8280/} ({@code load.baseUrl}); several
 *     instances of one clinic as a comma-separated list, each virtual user staying with one as
 *     behind a load balancer with sticky sessions
 * @param therapists therapists writing notes ({@code load.therapists}, 50)
 * @param kiosks tablets taking clients through intake and consent ({@code load.kiosks}, 10)
 * @param owners owners running bulk exports ({@code load.owners}, 1)
 * @param duration the measured busy hour ({@code load.minutes}, 10)
 * @param saveEvery the pause between two autosaves of a draft, give or take a second ({@code
 *     load.saveEverySeconds}, 4)
 * @param savesPerNote autosaves before the note is signed ({@code load.savesPerNote}, 30)
 * @param windowMinutes how save and sign times are grouped over the run ({@code
 *     load.windowMinutes}, 2)
 * @param ramp how long the busy-hour users take to arrive ({@code load.rampSeconds}, 30)
 * @param setupRamp how long the set-up of the therapists is spread over ({@code
 *     load.setupRampSeconds}, 60)
 */
record LoadSettings(
    String baseUrl,
    String ownerUsername,
    String ownerPassword,
    String staffPassword,
    int therapists,
    int kiosks,
    int owners,
    Duration duration,
    Duration saveEvery,
    int savesPerNote,
    int windowMinutes,
    Duration ramp,
    Duration setupRamp) {

  /** What the owner gives every new account; each person replaces it at the first sign-in. */
  static final String TEMPORARY_PASSWORD = "first shift of the busy hour";

  static LoadSettings fromSystemProperties() {
    return new LoadSettings(
        System.getProperty("load.baseUrl", "http://127.0.0.1:8280/"),
        System.getProperty("load.ownerUsername", "owner"),
        System.getProperty("load.ownerPassword", "quiet harbour evening 2026"),
        System.getProperty("load.staffPassword", "steady hands at noon 2026"),
        Integer.getInteger("load.therapists", 50),
        Integer.getInteger("load.kiosks", 10),
        Integer.getInteger("load.owners", 1),
        Duration.ofSeconds(
            Math.round(Double.parseDouble(System.getProperty("load.minutes", "10")) * 60)),
        Duration.ofSeconds(Integer.getInteger("load.saveEverySeconds", 4)),
        Integer.getInteger("load.savesPerNote", 30),
        Integer.getInteger("load.windowMinutes", 2),
        Duration.ofSeconds(Integer.getInteger("load.rampSeconds", 30)),
        Duration.ofSeconds(Integer.getInteger("load.setupRampSeconds", 60)));
  }

  /** The instances to spread the virtual users over. */
  String[] baseUrls() {
    return baseUrl.split(",");
  }

  static String therapistName(int n) {
    return String.format("loadtherapist%03d", n);
  }

  static String deskName(int n) {
    return String.format("loaddesk%03d", n);
  }
}
