package org.myochart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.WebSession;

/**
 * A single instance started with the production settings ({@code --nocluster}, as the Docker image
 * by default) keeps its web sessions in memory: Payara's replicating session store, which
 * serializes every changed session into the data grid after each request, is not used (the busy
 * hour measured it as most of the garbage, docs/performance.md). Clustered instances replicate
 * their sessions: {@code SessionFailoverIT} fails without it.
 *
 * <p>Which store holds a session is not visible over HTTP, so the test counts the session objects
 * in the server's heap with {@code jcmd GC.class_histogram}.
 */
class SessionStorageIT {

  private static final String PLAIN_SESSION = "org.apache.catalina.session.StandardSession";
  private static final String REPLICATED_SESSION = "org.glassfish.web.ha.session.";

  @Test
  void aSingleInstanceKeepsItsSignedInSessionsInMemoryWithoutReplicatingThem() throws Exception {
    RunningClinic clinic = RunningClinic.demo();
    WebSession therapist = WebSession.signedIn(clinic, "therapist1", RunningClinic.DEMO_PASSWORD);
    assertEquals(200, therapist.get("/staff/dashboard.xhtml").statusCode());

    String histogram = classHistogram(clinic.pid());

    assertTrue(
        histogram.contains(" " + PLAIN_SESSION + "\n"),
        "the signed-in session is a plain in-memory session:\n" + sessionLines(histogram));
    assertFalse(
        histogram.contains(REPLICATED_SESSION),
        "no session goes through Payara's replicating store:\n" + sessionLines(histogram));
  }

  private static String classHistogram(long pid) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(jcmd(), Long.toString(pid), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(jcmd.waitFor(60, TimeUnit.SECONDS), "jcmd answered within a minute");
    assertEquals(0, jcmd.exitValue(), "jcmd read the server's heap:\n" + out);
    return out;
  }

  /** The jcmd of the JDK running the tests, which also runs the server. */
  private static String jcmd() {
    return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
  }

  private static String sessionLines(String histogram) {
    return histogram
        .lines()
        .filter(line -> line.contains("session.") && !line.contains("persistence"))
        .reduce("", (a, b) -> a + b + "\n");
  }
}
