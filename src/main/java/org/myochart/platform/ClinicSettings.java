package org.myochart.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clinic's run-time settings, from MicroProfile Config: environment variables such as {@code
 * MYOCHART_IDLE_TIMEOUT}, system properties, or the defaults in {@code
 * META-INF/microprofile-config.properties}. docs/operations.md lists them all.
 */
@Named("clinic")
@ApplicationScoped
public class ClinicSettings {

  @Inject
  @ConfigProperty(name = "myochart.clinic.name", defaultValue = "MyoChart Clinic")
  String clinicName;

  @Inject
  @ConfigProperty(name = "myochart.clinic.zone")
  Optional<String> clinicZone;

  @Inject
  @ConfigProperty(name = "myochart.clinic.address")
  Optional<String> clinicAddress;

  @Inject
  @ConfigProperty(name = "myochart.clinic.phone")
  Optional<String> clinicPhone;

  @Inject
  @ConfigProperty(name = "myochart.clinic.licences")
  Optional<String> clinicLicences;

  @Inject
  @ConfigProperty(name = "myochart.idle-timeout", defaultValue = "PT15M")
  String idleTimeout;

  @Inject
  @ConfigProperty(name = "myochart.kiosk.ask-after", defaultValue = "PT10M")
  String kioskAskAfter;

  @Inject
  @ConfigProperty(name = "myochart.kiosk.lock-after", defaultValue = "PT30M")
  String kioskLockAfter;

  @Inject
  @ConfigProperty(name = "myochart.unsigned-note-hours", defaultValue = "24")
  String unsignedNoteHours;

  @Inject
  @ConfigProperty(name = "myochart.break-glass-hours", defaultValue = "8")
  String breakGlassHours;

  @Inject
  @ConfigProperty(name = "myochart.second-factor.roles", defaultValue = "OWNER")
  String secondFactorRoles;

  @Inject
  @ConfigProperty(name = "myochart.smtp.host")
  Optional<String> smtpHost;

  @Inject
  @ConfigProperty(name = "myochart.smtp.port", defaultValue = "587")
  String smtpPort;

  @Inject
  @ConfigProperty(name = "myochart.smtp.username")
  Optional<String> smtpUsername;

  @Inject
  @ConfigProperty(name = "myochart.smtp.password")
  Optional<String> smtpPassword;

  @Inject
  @ConfigProperty(name = "myochart.smtp.from")
  Optional<String> smtpFrom;

  @Inject
  @ConfigProperty(name = "myochart.smtp.starttls", defaultValue = "true")
  String smtpStartTls;

  @Inject
  @ConfigProperty(name = "myochart.tsa.url")
  Optional<String> timestampAuthorityUrl;

  @Inject
  @ConfigProperty(name = "myochart.tsa.timeout-seconds", defaultValue = "10")
  String timestampAuthorityTimeoutSeconds;

  /** The RFC 3161 timestamp authority that stamps every seal (PAdES B-T), if one is configured. */
  public Optional<URI> timestampAuthority() {
    Optional<String> configured =
        timestampAuthorityUrl.map(String::strip).filter(u -> !u.isEmpty());
    if (configured.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI url = new URI(configured.get());
      if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())
          || url.getHost() == null) {
        throw new IllegalArgumentException(
            "MYOCHART_TSA_URL must be an http or https URL, e.g. https://tsa.example.com/tsr");
      }
      return Optional.of(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "MYOCHART_TSA_URL is not a valid URL: " + e.getMessage(), e);
    }
  }

  /** How long sealing waits for the timestamp authority before it fails. */
  public Duration timestampAuthorityTimeout() {
    long seconds = Long.parseLong(timestampAuthorityTimeoutSeconds.strip());
    if (seconds < 1 || seconds > 120) {
      throw new IllegalArgumentException("MYOCHART_TSA_TIMEOUT_SECONDS must be between 1 and 120");
    }
    return Duration.ofSeconds(seconds);
  }

  /** After how long an unsigned note shows on the owner's overdue list. */
  public Duration unsignedNoteAlert() {
    long hours = Long.parseLong(unsignedNoteHours.strip());
    if (hours < 1) {
      throw new IllegalArgumentException("MYOCHART_UNSIGNED_NOTE_HOURS must be at least 1");
    }
    return Duration.ofHours(hours);
  }

  /** How long a therapist's break-glass reason opens a record outside their caseload. */
  public Duration breakGlassAccess() {
    long hours = Long.parseLong(breakGlassHours.strip());
    if (hours < 1 || hours > 24) {
      throw new IllegalArgumentException("MYOCHART_BREAK_GLASS_HOURS must be between 1 and 24");
    }
    return Duration.ofHours(hours);
  }

  public String clinicName() {
    return clinicName;
  }

  /**
   * The clinic's address, phone and licence numbers where configured (MYOCHART_CLINIC_ADDRESS,
   * MYOCHART_CLINIC_PHONE, MYOCHART_CLINIC_LICENCES), joined with " · "; empty when none is.
   */
  public String contactDetails() {
    return contactLine(
        clinicAddress().orElse(null), clinicPhone().orElse(null), clinicLicences().orElse(null));
  }

  /** The clinic's name and its contact details, as the head of its records prints it. */
  public String letterhead() {
    return letterheadWith(contactDetails());
  }

  /** The clinic's name followed by the given contact line, when there is one. */
  public String letterheadWith(String contact) {
    return contact.isEmpty() ? clinicName() : clinicName() + " · " + contact;
  }

  /**
   * Address, "phone …" and licences where given (blank counts as not given), stripped and joined
   * with " · "; empty when none is. The one rule for the letterhead's contact line, whether the
   * details come from the environment or from the owner's page.
   */
  public static String contactLine(String address, String phone, String licences) {
    return String.join(
        " · ",
        java.util.stream.Stream.of(
                address,
                phone == null || phone.isBlank() ? null : "phone " + phone.strip(),
                licences)
            .filter(part -> part != null && !part.isBlank())
            .map(String::strip)
            .toList());
  }

  /** MYOCHART_CLINIC_ADDRESS, when set. */
  public Optional<String> clinicAddress() {
    return nonBlank(clinicAddress).map(String::strip);
  }

  /** MYOCHART_CLINIC_PHONE, when set. */
  public Optional<String> clinicPhone() {
    return nonBlank(clinicPhone).map(String::strip);
  }

  /** MYOCHART_CLINIC_LICENCES, when set. */
  public Optional<String> clinicLicences() {
    return nonBlank(clinicLicences).map(String::strip);
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value == null ? Optional.empty() : value.filter(v -> !v.isBlank());
  }

  /** The zone times are shown in; stored times are always UTC. */
  public ZoneId zone() {
    return clinicZone.filter(z -> !z.isBlank()).map(ZoneId::of).orElse(ZoneId.systemDefault());
  }

  /** How long a staff session may sit unused before it is signed out. */
  public Duration idleTimeout() {
    return positive(idleTimeout, "MYOCHART_IDLE_TIMEOUT", "PT15M");
  }

  /** The idle timeout as a person would say it: "15 minutes", "30 seconds". */
  public String idleTimeoutInWords() {
    return inWords(idleTimeout());
  }

  /**
   * The roles that must sign in with a second factor (MYOCHART_SECOND_FACTOR_ROLES, comma-separated
   * role names; {@code NONE} for none). Owners by default.
   */
  public java.util.Set<String> secondFactorRoles() {
    java.util.Set<String> roles = new java.util.TreeSet<>();
    for (String role : secondFactorRoles.split(",")) {
      String name = role.strip().toUpperCase(java.util.Locale.ROOT);
      if (!name.isEmpty() && !name.equals("NONE")) {
        roles.add(name);
      }
    }
    return roles;
  }

  public String getName() {
    return clinicName();
  }

  /** For the page's idle monitor, which signs the screen out when the server session ends. */
  public long getIdleTimeoutMillis() {
    return idleTimeout().toMillis();
  }

  /**
   * How long a tablet in kiosk mode waits without a tap before it asks "Still there?"
   * (MYOCHART_KIOSK_ASK_AFTER, 10 minutes by default).
   */
  public Duration kioskAskAfter() {
    return positive(kioskAskAfter, "MYOCHART_KIOSK_ASK_AFTER", "PT10M");
  }

  /**
   * How long a tablet in kiosk mode waits without a tap before it locks back to staff, keeping the
   * answers so far (MYOCHART_KIOSK_LOCK_AFTER, 30 minutes by default; later than the question).
   */
  public Duration kioskLockAfter() {
    Duration lock = positive(kioskLockAfter, "MYOCHART_KIOSK_LOCK_AFTER", "PT30M");
    if (lock.compareTo(kioskAskAfter()) <= 0) {
      throw new IllegalArgumentException(
          "MYOCHART_KIOSK_LOCK_AFTER must be longer than MYOCHART_KIOSK_ASK_AFTER");
    }
    return lock;
  }

  /**
   * How often an open kiosk page tells the server it is still there: often enough that the session
   * outlives the idle timeout while the page is open, at most once a minute.
   */
  public Duration kioskKeepAliveEvery() {
    Duration third = idleTimeout().dividedBy(3);
    return third.compareTo(Duration.ofMinutes(1)) < 0 ? third : Duration.ofMinutes(1);
  }

  public long getKioskAskAfterMillis() {
    return kioskAskAfter().toMillis();
  }

  public long getKioskLockAfterMillis() {
    return kioskLockAfter().toMillis();
  }

  public long getKioskKeepAliveMillis() {
    return kioskKeepAliveEvery().toMillis();
  }

  /** The lock-after time as a person would say it: "30 minutes", "20 seconds". */
  public String kioskLockAfterInWords() {
    return inWords(kioskLockAfter());
  }

  private static Duration positive(String text, String variable, String example) {
    Duration parsed;
    try {
      parsed = Duration.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(variable + " must be a duration such as " + example, e);
    }
    if (parsed.isNegative() || parsed.isZero()) {
      throw new IllegalArgumentException(variable + " must be positive, e.g. " + example);
    }
    return parsed;
  }

  private static String inWords(Duration duration) {
    if (duration.toSeconds() < 60 || duration.toSecondsPart() != 0) {
      return duration.toSeconds() + " seconds";
    }
    long minutes = duration.toMinutes();
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }

  /**
   * The clinic's outgoing mail server for clients' copies of what they signed (MYOCHART_SMTP_HOST,
   * _PORT, _USERNAME, _PASSWORD, _FROM, _STARTTLS); empty when no host is set, and then no e-mail
   * is offered.
   */
  public Optional<Smtp> smtp() {
    Optional<String> host = nonBlank(smtpHost);
    if (host.isEmpty()) {
      return Optional.empty();
    }
    int port;
    try {
      port = Integer.parseInt(smtpPort.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("MYOCHART_SMTP_PORT must be a port number, e.g. 587", e);
    }
    String from =
        nonBlank(smtpFrom)
            .map(String::strip)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "MYOCHART_SMTP_FROM must give the sender address when MYOCHART_SMTP_HOST"
                            + " is set"));
    return Optional.of(
        new Smtp(
            host.get().strip(),
            port,
            nonBlank(smtpUsername).map(String::strip).orElse(null),
            nonBlank(smtpPassword).orElse(null),
            from,
            Boolean.parseBoolean(smtpStartTls.strip())));
  }

  /** How to reach the clinic's mail server; the password is never logged. */
  public record Smtp(
      String host, int port, String username, String password, String from, boolean startTls) {
    @Override
    public String toString() {
      return host + ":" + port + (username == null ? "" : " as " + username);
    }
  }
}
