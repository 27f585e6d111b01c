package org.myochart.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;

/**
 * A real SMTP server (GreenMail) in the test JVM, started once, to which the demo clinic sends the
 * clients' copies of what they signed. Plain SMTP on loopback, no authentication.
 */
public final class TestMailServer {

  private static volatile TestMailServer started;

  private final GreenMail mail;

  private TestMailServer() {
    mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
  }

  public static synchronized TestMailServer start() {
    if (started == null) {
      started = new TestMailServer();
    }
    return started;
  }

  public int port() {
    return mail.getSmtp().getPort();
  }

  /** A message received for the address, waiting for it up to half a minute. */
  public MimeMessage awaitMessageTo(String address) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> messageTo(address), Optional::isPresent)
        .orElseThrow();
  }

  private Optional<MimeMessage> messageTo(String address) throws MessagingException {
    for (MimeMessage message : mail.getReceivedMessages()) {
      if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(r -> r.toString().equalsIgnoreCase(address))) {
        return Optional.of(message);
      }
    }
    return Optional.empty();
  }

  /** The attached files of a message, as bytes, in order. */
  public static List<byte[]> attachments(MimeMessage message)
      throws MessagingException, IOException {
    List<byte[]> files = new ArrayList<>();
    if (message.getContent() instanceof Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        if (part.getFileName() != null) {
          try (InputStream in = part.getInputStream()) {
            files.add(in.readAllBytes());
          }
        }
      }
    }
    return files;
  }
}
