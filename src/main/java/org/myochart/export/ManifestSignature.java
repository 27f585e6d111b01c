package org.myochart.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.myochart.record.SigningIdentity;

/**
 * A detached CMS signature (DER, as {@code openssl cms -verify -binary -inform DER} reads it) over
 * content that is written, not held: the manifest of a large export is digested while it is
 * generated, so signing it needs no memory for the manifest itself.
 */
public final class ManifestSignature {

  private ManifestSignature() {}

  public static byte[] sign(SigningIdentity identity, Manifest.IoWriter content) {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .build(
                  new JcaContentSignerBuilder("SHA256withRSA").build(identity.key()),
                  identity.certificate()));
      generator.addCertificates(new JcaCertStore(List.of(identity.chain())));
      return generator
          .generate(new Streamed(content), false)
          .toASN1Structure()
          .getEncoded(ASN1Encoding.DER);
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IllegalStateException("Could not sign the export manifest", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the export manifest", e);
    }
  }

  private record Streamed(Manifest.IoWriter content) implements CMSTypedData {
    @Override
    public ASN1ObjectIdentifier getContentType() {
      return CMSObjectIdentifiers.data;
    }

    @Override
    public void write(OutputStream out) throws IOException {
      content.writeTo(out);
    }

    /** Not null: Bouncy Castle skips digesting content whose getContent() is null. */
    @Override
    public Object getContent() {
      return content;
    }
  }
}
