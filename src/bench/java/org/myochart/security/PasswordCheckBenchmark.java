package org.myochart.security;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One password check as MyoChart stores passwords (PBKDF2 with HMAC-SHA-512, 210,000 iterations,
 * 32-byte salt and key): the JDK's {@code PBKDF2WithHmacSHA512}, which Jakarta Security's hash
 * uses, against Bouncy Castle's PBKDF2 over the same parameters. Signing a note, taking the tablet
 * back, signing in and every HTTP Basic call pay one (docs/performance.md).
 *
 * <p>{@code mvn -Pbenchmark test -Dbenchmark.args="PasswordCheckBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PasswordCheckBenchmark {

  private static final int ITERATIONS = 210_000;
  private final char[] password = "steady hands at noon 2026".toCharArray();
  private final byte[] salt = "thirty-two bytes of salt, fixed.".getBytes(StandardCharsets.UTF_8);

  @Benchmark
  public byte[] jdkPbkdf2() throws Exception {
    SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
    return factory.generateSecret(new PBEKeySpec(password, salt, ITERATIONS, 256)).getEncoded();
  }

  @Benchmark
  public byte[] bouncyCastlePbkdf2() {
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
    generator.init(new String(password).getBytes(StandardCharsets.UTF_8), salt, ITERATIONS);
    return ((KeyParameter) generator.generateDerivedParameters(256)).getKey();
  }
}
