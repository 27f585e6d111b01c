package org.myochart.record;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Fetches the certificate revocation lists (CRLs) that the certificates in a seal name in their CRL
 * distribution points, for the long-term validation data of a record (PAdES B-LT). A list is kept
 * until its next update, so a busy hour of sealing asks the authority's CRL server once; a list is
 * taken only when the certificate's issuer, found among the given certificates, signed it.
 *
 * <p>A list that cannot be fetched is logged and left out: the record is still sealed and
 * timestamped, and the archive job ({@link ArchiveTimestamps}) adds what is missing on its next
 * run.
 */
final class RevocationLists {

  private static final Logger LOG = Logger.getLogger(RevocationLists.class.getName());

  /** The largest list read; an authority's list of revoked timestamp certificates is small. */
  private static final int LARGEST_LIST = 5 * 1024 * 1024;

  private final HttpClient http;
  private final Duration timeout;
  private final ConcurrentMap<URI, X509CRLHolder> kept = new ConcurrentHashMap<>();

  RevocationLists(Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /**
   * The DER lists for every certificate among {@code certificates} that is not its own issuer (a
   * root or a self-signed seal is trusted as it is, not revoked by a list).
   */
  List<byte[]> forCertificates(Collection<X509CertificateHolder> certificates) {
    List<byte[]> lists = new ArrayList<>();
    for (X509CertificateHolder certificate : certificates) {
      if (certificate.getIssuer().equals(certificate.getSubject())) {
        continue;
      }
      Optional<X509CertificateHolder> issuer =
          certificates.stream()
              .filter(c -> c.getSubject().equals(certificate.getIssuer()))
              .findFirst();
      for (URI where : distributionPoints(certificate)) {
        list(where, issuer)
            .ifPresent(
                crl -> {
                  try {
                    byte[] der = crl.getEncoded();
                    if (lists.stream().noneMatch(l -> Arrays.equals(l, der))) {
                      lists.add(der);
                    }
                  } catch (IOException e) {
                    LOG.log(Level.WARNING, "A revocation list could not be encoded", e);
                  }
                });
      }
    }
    return lists;
  }

  /** The HTTP(S) addresses in a certificate's CRL distribution points extension. */
  static List<URI> distributionPoints(X509CertificateHolder certificate) {
    Extension extension = certificate.getExtension(Extension.cRLDistributionPoints);
    if (extension == null) {
      return List.of();
    }
    List<URI> found = new ArrayList<>();
    for (DistributionPoint point :
        CRLDistPoint.getInstance(extension.getParsedValue()).getDistributionPoints()) {
      DistributionPointName name = point.getDistributionPoint();
      if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
        continue;
      }
      for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
        if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
          String text = general.getName().toString();
          String lower = text.toLowerCase(Locale.ROOT);
          if (lower.startsWith("http://") || lower.startsWith("https://")) {
            found.add(URI.create(text));
          }
        }
      }
    }
    return found;
  }

  private Optional<X509CRLHolder> list(URI where, Optional<X509CertificateHolder> issuer) {
    X509CRLHolder known = kept.get(where);
    if (known != null && stillCurrent(known)) {
      return Optional.of(known);
    }
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(where).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        LOG.warning(
            () ->
                "The revocation list at "
                    + where
                    + " answered HTTP "
                    + response.statusCode()
                    + "; the record is sealed without it.");
        return Optional.empty();
      }
      if (response.body().length > LARGEST_LIST) {
        LOG.warning(() -> "The revocation list at " + where + " is larger than 5 MB; left out.");
        return Optional.empty();
      }
      X509CRLHolder crl = new X509CRLHolder(response.body());
      if (issuer.isPresent()
          && !crl.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.get()))) {
        LOG.warning(
            () -> "The revocation list at " + where + " is not signed by its issuer; left out.");
        return Optional.empty();
      }
      kept.put(where, crl);
      return Optional.of(crl);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      LOG.log(
          Level.WARNING,
          "The revocation list at "
              + where
              + " could not be fetched; the record is sealed without it",
          e);
      return Optional.empty();
    }
  }

  private static boolean stillCurrent(X509CRLHolder crl) {
    return crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isAfter(Instant.now());
  }
}
