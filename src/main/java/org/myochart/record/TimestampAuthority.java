package org.myochart.record;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPUtil;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 timestamp authority ({@code MYOCHART_TSA_URL}) that vouches for when a seal was made:
 * it signs the SHA-256 of the seal's signature value together with its own clock's time. Every
 * answer is checked before it goes into a record.
 */
public final class TimestampAuthority {

  private static final SecureRandom NONCES = new SecureRandom();

  private final URI url;
  private final Duration timeout;
  private final HttpClient http;
  private final RevocationLists revocations;

  public TimestampAuthority(URI url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    this.revocations = new RevocationLists(timeout);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  public URI url() {
    return url;
  }

  /** The revocation lists of the certificates in a seal, for its long-term validation data. */
  RevocationLists revocations() {
    return revocations;
  }

  /**
   * A token over the SHA-256 of {@code signatureValue} (or, for a document timestamp, of the bytes
   * it covers), checked: status granted, the nonce and imprint we sent, a valid signature by a
   * certificate meant for time-stamping.
   *
   * @throws TimestampUnavailable saying what went wrong, for the log and the person signing
   */
  TimeStampToken stamp(byte[] signatureValue) {
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    TimeStampRequest request =
        generator.generate(
            TSPAlgorithms.SHA256, sha256(signatureValue), new BigInteger(63, NONCES));
    try {
      TimeStampToken token = check(request, post(request));
      last = new Outcome(true, null, Instant.now());
      return token;
    } catch (TimestampUnavailable e) {
      last = new Outcome(false, e.getMessage(), Instant.now());
      throw e;
    }
  }

  /** How the last request to the authority went: granted, or what went wrong, and when. */
  public record Outcome(boolean granted, String problem, Instant at) {}

  private volatile Outcome last;

  /**
   * How the authority answers, for {@code /health/ready}: the outcome of the last request, a
   * sealing's or a check's; when that is older than {@code maxAge}, a timestamp over random bytes
   * is asked for now. A failing sealing shows at once.
   */
  public Outcome health(Duration maxAge) {
    Outcome known = last;
    if (known != null && !known.at().plus(maxAge).isBefore(Instant.now())) {
      return known;
    }
    // One check at a time: readiness asked by several load balancers at once sends one request.
    synchronized (this) {
      known = last;
      if (known == null || known.at().plus(maxAge).isBefore(Instant.now())) {
        byte[] probe = new byte[32];
        NONCES.nextBytes(probe);
        try {
          stamp(probe);
        } catch (TimestampUnavailable recorded) {
          // kept in last
        } catch (RuntimeException unexpected) {
          last =
              new Outcome(
                  false,
                  "The check of the timestamp authority failed: " + unexpected,
                  Instant.now());
        }
        known = last;
      }
    }
    return known;
  }

  private byte[] post(TimeStampRequest request) {
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(url)
                  .timeout(timeout)
                  .header("Content-Type", "application/timestamp-query")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw failed("answered HTTP " + response.statusCode() + " instead of a timestamp", null);
      }
      return response.body();
    } catch (HttpTimeoutException e) {
      throw failed("did not answer within " + timeout.toSeconds() + " seconds", e);
    } catch (ConnectException e) {
      throw failed("could not be reached", e);
    } catch (IOException e) {
      throw failed("could not be reached (" + e + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("was not waited for: the sealing thread was interrupted", e);
    }
  }

  private TimeStampToken check(TimeStampRequest request, byte[] answer) {
    TimeStampResponse response;
    try {
      response = new TimeStampResponse(answer);
    } catch (TSPException | IOException | RuntimeException e) {
      throw failed("answered with something that is not an RFC 3161 timestamp response", e);
    }
    int status = response.getStatus();
    if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
      throw failed(
          "refused the request (status "
              + status
              + (response.getStatusString() == null
                  ? ""
                  : ", \"" + response.getStatusString() + "\"")
              + ")",
          null);
    }
    try {
      response.validate(request);
      TimeStampToken token = response.getTimeStampToken();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> signers =
          token.getCertificates().getMatches(token.getSID());
      if (signers.isEmpty()) {
        throw failed("sent a token without its signing certificate", null);
      }
      X509CertificateHolder certificate = signers.iterator().next();
      TSPUtil.validateCertificate(certificate);
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
      return token;
    } catch (TSPException | OperatorCreationException | java.security.cert.CertificateException e) {
      throw failed("answered with a token that does not check out: " + e.getMessage(), e);
    }
  }

  private TimestampUnavailable failed(String what, Throwable cause) {
    return new TimestampUnavailable(
        "The timestamp authority " + url + " " + what + "; the record was not sealed.", cause);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
