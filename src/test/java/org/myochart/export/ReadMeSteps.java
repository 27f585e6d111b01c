package org.myochart.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** The export README's commands, taken as written and run in a shell in an unpacked archive. */
final class ReadMeSteps {

  /** A command's exit status and what it printed (standard output and error together). */
  record Run(int exit, String output) {}

  private ReadMeSteps() {}

  /**
   * The README's commands as written: each indented line that starts with a command, joined with
   * the deeper-indented lines that continue it.
   */
  static List<String> commands(String readme) {
    List<String> commands = new ArrayList<>();
    for (String line : readme.split("\r\n")) {
      if (line.matches(" {5}(for|openssl|sha256sum|python3) .*")) {
        commands.add(line.strip());
      } else if (line.startsWith("       -") && !commands.isEmpty()) {
        commands.set(commands.size() - 1, commands.get(commands.size() - 1) + " " + line.strip());
      }
    }
    return commands;
  }

  static Run run(String command, Path folder) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("bash", "-c", command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }

  static void unpack(Map<String, byte[]> files, Path folder) throws IOException {
    for (var file : files.entrySet()) {
      Path target = folder.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }

  /**
   * openssl and sha256sum on the PATH, for steps 1 to 7: skipped with a banner, or failed in CI.
   */
  static void assumeOpenssl() throws IOException, InterruptedException {
    assumeOnPath(
        List.of("openssl", "sha256sum"),
        "EXPORT README CHECKS SKIPPED: openssl or sha256sum is missing. Install Debian's openssl.");
  }

  /** python3 on the PATH, for step 8: skipped with a banner, or failed in CI. */
  static void assumePython3() throws IOException, InterruptedException {
    assumeOnPath(
        List.of("python3"),
        "EXPORT PROOF SCRIPT CHECKS SKIPPED: python3 is missing. Install Debian's python3.");
  }

  /**
   * Skips the test on a developer's machine without these tools, with a banner; under CI=true a
   * missing tool fails it instead (src/test/sh/prepare-test-machine.sh installs them when it can).
   */
  private static void assumeOnPath(List<String> tools, String banner)
      throws IOException, InterruptedException {
    boolean available = true;
    for (String tool : tools) {
      available &= new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
    }
    if (!available) {
      System.err.println("\n########## " + banner + " ##########\n");
    }
    if ("true".equals(System.getenv("CI"))) {
      assertTrue(available, tools + " needed for the export README's steps");
    }
    Assumptions.assumeTrue(available, tools + " needed for the export README's steps");
  }
}
