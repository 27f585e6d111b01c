package org.myochart.record.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.myochart.platform.web.Formats;
import org.myochart.record.SealCertificate;
import org.myochart.record.SealCertificates;

/**
 * The clinic's sealing certificates with their SHA-256 fingerprints, published on both verification
 * pages so that anyone can pin them.
 */
@Named
@RequestScoped
public class SealCertificateList {

  @Inject SealCertificates certificates;
  @Inject Formats formats;

  private List<Row> rows;

  /** One certificate as the pages show it. */
  public static final class Row {
    private final SealCertificate certificate;
    private final String inUse;
    private final String validity;

    Row(SealCertificate certificate, String inUse, String validity) {
      this.certificate = certificate;
      this.inUse = inUse;
      this.validity = validity;
    }

    public String getSha256() {
      return certificate.getSha256();
    }

    public String getSubject() {
      return certificate.getSubject();
    }

    public boolean isCurrent() {
      return certificate.isCurrent();
    }

    public String getInUse() {
      return inUse;
    }

    public String getValidity() {
      return validity;
    }
  }

  public List<Row> getRows() {
    if (rows == null) {
      rows =
          certificates.history().stream()
              .map(
                  c ->
                      new Row(
                          c,
                          "in use since "
                              + formats.when(c.getInUseFrom())
                              + (c.isCurrent()
                                  ? " (current)"
                                  : ", retired " + formats.when(c.getRetiredAt())),
                          formats.when(c.getNotBefore()) + " to " + formats.when(c.getNotAfter())))
              .toList();
    }
    return rows;
  }
}
