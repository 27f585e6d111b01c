package org.myochart.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 timestamp authority on a free local port between 20000 and 32000, with a generated
 * two-level PKI as public authorities have: a root certificate, and the authority's certificate
 * (critical extended key usage timeStamping) issued by that root with a CRL distribution point that
 * this server answers ({@code /crl}, a CRL signed by the root, fresh on every request). It can be
 * told to misbehave the ways real authorities do.
 */
public final class TestTimestampAuthority implements AutoCloseable {

  /** How the authority answers the next requests. */
  public enum Behaviour {
    GRANT,
    /** A timeStampResp with status rejection. */
    REJECT,
    /** HTTP 500 with no timestamp at all. */
    SERVER_ERROR,
    /** A granted token, but over a different hash than the one asked for. */
    WRONG_IMPRINT,
    /** Grants, after three seconds. */
    SLOW
  }

  private static final ASN1ObjectIdentifier POLICY =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.1");

  private final KeyPair rootKey;
  private final X509Certificate root;
  private final KeyPair key;
  private final X509Certificate certificate;
  private final AtomicInteger crlsServed = new AtomicInteger();
  private volatile boolean crlAvailable = true;
  private final HttpServer server;
  private final AtomicReference<Behaviour> behaviour = new AtomicReference<>(Behaviour.GRANT);
  private final AtomicInteger served = new AtomicInteger();
  private final AtomicInteger serial = new AtomicInteger(1);

  private TestTimestampAuthority() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, new SecureRandom());
    rootKey = generator.generateKeyPair();
    key = generator.generateKeyPair();
    Instant now = Instant.now();
    root = rootCertificate(rootKey, now);
    server = bindFreePort();
    certificate = certificate(key, now, root, rootKey, crlUrl());
    server.createContext("/tsr", this::answer);
    server.createContext("/crl", this::revocationList);
    server.start();
  }

  public static TestTimestampAuthority start() {
    try {
      return new TestTimestampAuthority();
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the test timestamp authority", e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsr");
  }

  /** The authority's own certificate, the one that signs its tokens. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The root that issued {@link #certificate()}: what a validator trusts. */
  public X509Certificate root() {
    return root;
  }

  /** Where the authority's certificate says its revocation list is published. */
  public URI crlUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/crl");
  }

  /** Whether {@code /crl} answers (HTTP 503 when not), as a CRL server that is down. */
  public void publishCrl(boolean available) {
    crlAvailable = available;
  }

  /** How many revocation lists it has handed out. */
  public int crlsServed() {
    return crlsServed.get();
  }

  public void behave(Behaviour next) {
    behaviour.set(next);
  }

  /** How many requests it has answered. */
  public int served() {
    return served.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static HttpServer bindFreePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      try {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      } catch (BindException taken) {
        // try another port
      }
    }
    throw new IOException("No free port between 20000 and 32000 for the test timestamp authority");
  }

  private static X509Certificate rootCertificate(KeyPair key, Instant now) throws Exception {
    X500Name name = new X500Name("CN=MyoChart Test Time Root,O=MyoChart tests");
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(Duration.ofDays(2))),
            Date.from(now.plus(Duration.ofDays(3650))),
            name,
            key.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
  }

  private static X509Certificate certificate(
      KeyPair key, Instant now, X509Certificate issuer, KeyPair issuerKey, URI crl)
      throws Exception {
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(now.toEpochMilli() + 1),
            Date.from(now.minus(Duration.ofDays(1))),
            // Years, as real authorities' certificates: the demo clinic's records must not fall due
            // for re-timestamping (90 days before expiry) while the suite runs.
            Date.from(now.plus(Duration.ofDays(5 * 365))),
            new X500Name("CN=MyoChart Test TSA,O=MyoChart tests"),
            key.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    builder.addExtension(
        Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    builder.addExtension(
        Extension.cRLDistributionPoints,
        false,
        new CRLDistPoint(
            new DistributionPoint[] {
              new DistributionPoint(
                  new DistributionPointName(
                      new GeneralNames(
                          new GeneralName(GeneralName.uniformResourceIdentifier, crl.toString()))),
                  null,
                  null)
            }));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey.getPrivate())));
  }

  /** An empty revocation list signed by the root, valid for a day from now. */
  private void revocationList(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!crlAvailable) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      crlsServed.incrementAndGet();
      Instant now = Instant.now();
      X509v2CRLBuilder builder =
          new X509v2CRLBuilder(
              X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), Date.from(now));
      builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
      byte[] body =
          builder
              .build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKey.getPrivate()))
              .getEncoded();
      exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new IOException("The test authority could not sign its revocation list", e);
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      served.incrementAndGet();
      TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
      Behaviour now = behaviour.get();
      if (now == Behaviour.SLOW) {
        Thread.sleep(3_000);
      }
      if (now == Behaviour.SERVER_ERROR) {
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      byte[] body = respond(now, request).getEncoded();
      exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (GeneralSecurityException
        | RuntimeException
        | org.bouncycastle.tsp.TSPException
        | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IOException("The test timestamp authority failed", e);
    }
  }

  private TimeStampResponse respond(Behaviour now, TimeStampRequest request)
      throws GeneralSecurityException,
          IOException,
          org.bouncycastle.tsp.TSPException,
          org.bouncycastle.operator.OperatorCreationException {
    TimeStampTokenGenerator tokens =
        new TimeStampTokenGenerator(
            new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withRSA", key.getPrivate(), certificate),
            new JcaDigestCalculatorProviderBuilder()
                .build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
            POLICY);
    tokens.addCertificates(new JcaCertStore(List.of(certificate, root)));
    TimeStampResponseGenerator responses =
        new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
    BigInteger number = BigInteger.valueOf(serial.getAndIncrement());
    return switch (now) {
      case REJECT ->
          responses.generateFailResponse(
              PKIStatus.REJECTION,
              PKIFailureInfo.systemUnavail,
              "The test authority is down for maintenance");
      case WRONG_IMPRINT -> {
        TimeStampRequestGenerator other = new TimeStampRequestGenerator();
        other.setCertReq(true);
        TimeStampRequest forged =
            other.generate(
                TSPAlgorithms.SHA256,
                MessageDigest.getInstance("SHA-256").digest("something else".getBytes()),
                request.getNonce());
        yield responses.generate(forged, number, new Date());
      }
      default -> responses.generate(request, number, new Date());
    };
  }
}
