package org.myochart.platform;

import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/** Sends the clinic's e-mail through its own SMTP server (Jakarta Mail), when one is configured. */
@ApplicationScoped
public class ClinicMail {

  private static final Logger LOG = Logger.getLogger(ClinicMail.class.getName());

  /** A file sent with a message. */
  public record Attachment(String fileName, String contentType, byte[] bytes) {}

  @Inject ClinicSettings settings;

  public boolean isConfigured() {
    return settings.smtp().isPresent();
  }

  /**
   * Sends one message with its attachments.
   *
   * @throws RuleViolation when no server is configured or the server does not take the message,
   *     saying so in words a client at the tablet can act on
   */
  public void send(String to, String subject, String text, List<Attachment> attachments) {
    ClinicSettings.Smtp smtp =
        settings
            .smtp()
            .orElseThrow(
                () ->
                    RuleViolation.conflict(
                        "E-mail is not set up at this clinic; ask the front desk for a printed"
                            + " copy."));
    Properties properties = new Properties();
    properties.put("mail.smtp.host", smtp.host());
    properties.put("mail.smtp.port", Integer.toString(smtp.port()));
    properties.put("mail.smtp.connectiontimeout", "10000");
    properties.put("mail.smtp.timeout", "20000");
    properties.put("mail.smtp.writetimeout", "20000");
    properties.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
    properties.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
    properties.put("mail.smtp.auth", Boolean.toString(smtp.username() != null));
    Session session =
        smtp.username() == null
            ? Session.getInstance(properties)
            : Session.getInstance(
                properties,
                new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(smtp.username(), smtp.password());
                  }
                });
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(smtp.from(), true));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      MimeMultipart parts = new MimeMultipart();
      MimeBodyPart body = new MimeBodyPart();
      body.setText(text, StandardCharsets.UTF_8.name());
      parts.addBodyPart(body);
      for (Attachment attachment : attachments) {
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(
            new DataHandler(new ByteArrayDataSource(attachment.bytes(), attachment.contentType())));
        file.setFileName(attachment.fileName());
        parts.addBodyPart(file);
      }
      message.setContent(parts);
      Transport.send(message);
    } catch (MessagingException e) {
      LOG.warning(() -> "Mail to the clinic's server " + smtp + " failed: " + e);
      throw RuleViolation.conflict(
          "The e-mail could not be sent: the clinic's mail server did not take it. Ask the front"
              + " desk for a printed copy.");
    }
  }
}
