package org.myochart.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.staff.Role;

/**
 * Staff's second factor: a time-based one-time password (TOTP, RFC 6238: HMAC-SHA1, six digits,
 * 30-second steps) from an authenticator app, enrolled by scanning a QR code, plus ten one-time
 * recovery codes. A code is accepted for the current step and one step either side (clock drift),
 * and never twice. Which roles must have one is the clinic's setting (owners by default).
 */
@ApplicationScoped
@Transactional
public class SecondFactors {

  static final int RECOVERY_CODES = 10;
  private static final Duration STEP = TimeBasedOneTimePasswordGenerator.DEFAULT_TIME_STEP;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  // Recovery codes avoid letters that read alike (0/O, 1/I/L).
  private static final char[] RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject ClinicSettings settings;
  @Inject org.myochart.audit.CurrentActor actor;

  /** A secret offered for enrolment, not stored until a code from it is confirmed. */
  public record Offer(byte[] secret, String key, String otpauthUri, String qrPng)
      implements java.io.Serializable {}

  /** Whether the clinic requires a second factor of this role. */
  public boolean requiredFor(Role role) {
    Set<String> roles = settings.secondFactorRoles();
    return role != null && roles.contains(role.name());
  }

  /** A new random secret (160 bits) with its text key and QR code for the authenticator app. */
  public Offer offer(StaffAccount account) {
    byte[] secret = new byte[20];
    RANDOM.nextBytes(secret);
    String key = base32(secret);
    String label = settings.clinicName() + ":" + account.getUsername();
    String uri =
        "otpauth://totp/"
            + encode(label)
            + "?secret="
            + key
            + "&issuer="
            + encode(settings.clinicName())
            + "&algorithm=SHA1&digits=6&period=30";
    return new Offer(secret, spaced(key), uri, qrPng(uri));
  }

  /**
   * Stores the secret once the person proves their app has it with a current code; returns the
   * recovery codes, which are shown this once and kept only as hashes.
   */
  public List<String> enrol(long accountId, byte[] secret, String code) {
    StaffAccount account = lockedAccount(accountId);
    if (account.hasSecondFactor()) {
      throw RuleViolation.conflict("A second factor is already set up for this account.");
    }
    Instant now = clock.instant();
    long step =
        matchingStep(secret, code, now)
            .orElseThrow(
                () ->
                    RuleViolation.invalidFields(
                        java.util.Map.of(
                            "code",
                            "That code does not match. Type the six digits your authenticator app shows now for MyoChart.")));
    account.enrolSecondFactor(secret, step, now);
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      String recovery = recoveryCode();
      codes.add(recovery);
      em.persist(new RecoveryCode(accountId, sha256(normalised(recovery)), now));
    }
    em.flush();
    audit.recordDetail(
        AuditAction.CHANGE, StaffAccounts.RECORD_TYPE, accountId, SecondFactorStep.ENROLLED);
    return codes;
  }

  /**
   * Checks a code typed at sign-in: six digits from the app, or an unused recovery code (which is
   * then used up). Every attempt is audited; a refused one names no reason beyond "did not match".
   */
  public boolean verify(long accountId, String typed) {
    StaffAccount account = lockedAccount(accountId);
    if (!account.hasSecondFactor()) {
      return false;
    }
    String code = typed == null ? "" : typed.strip();
    Instant now = clock.instant();
    boolean accepted;
    String how;
    if (code.matches("\\d{6}")) {
      Optional<Long> step = matchingStep(account.secondFactorSecret(), code, now);
      accepted = step.isPresent() && account.acceptStep(step.get());
      how = "app";
    } else {
      accepted = useRecoveryCode(accountId, code, now);
      how = "recovery code";
    }
    audit.recordDetail(
        accepted ? AuditAction.LOGIN : AuditAction.LOGIN_FAILED,
        StaffAccounts.RECORD_TYPE,
        accountId,
        SecondFactorStep.signIn(accepted, how));
    return accepted;
  }

  /**
   * A code sent with an API call (HTTP Basic plus the code header): the app's current code, checked
   * without using up its step, so that a script may make several calls within the same 30 seconds.
   * Recovery codes are not taken here.
   */
  public boolean matchesForApi(long accountId, String typed) {
    StaffAccount account = em.find(StaffAccount.class, accountId);
    return account != null
        && account.hasSecondFactor()
        && matchingStep(account.secondFactorSecret(), typed, clock.instant()).isPresent();
  }

  /** Unused recovery codes left, so the person can be told to make new ones before they run out. */
  public long recoveryCodesLeft(long accountId) {
    return em.createQuery(
            "select count(r) from RecoveryCode r where r.accountId = :a and r.usedAt is null",
            Long.class)
        .setParameter("a", accountId)
        .getSingleResult();
  }

  /** The owner removes a person's lost second factor (and their codes); they enrol again. */
  public void remove(long accountId) {
    if (!actor.get().actsAs(Role.OWNER)) {
      throw new RuleViolation(
          RuleViolation.Kind.FORBIDDEN, "Only the owner removes a person's second factor.");
    }
    StaffAccount account = lockedAccount(accountId);
    account.removeSecondFactor(clock.instant());
    em.createQuery(
            "select r from RecoveryCode r where r.accountId = :a and r.usedAt is null",
            RecoveryCode.class)
        .setParameter("a", accountId)
        .getResultList()
        .forEach(r -> r.use(clock.instant()));
    audit.recordDetail(
        AuditAction.CHANGE, StaffAccounts.RECORD_TYPE, accountId, SecondFactorStep.REMOVED);
  }

  private boolean useRecoveryCode(long accountId, String typed, Instant now) {
    String hash = sha256(normalised(typed));
    Optional<RecoveryCode> found =
        em.createQuery(
                "select r from RecoveryCode r where r.accountId = :a and r.codeSha256 = :h",
                RecoveryCode.class)
            .setParameter("a", accountId)
            .setParameter("h", hash)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    if (found.isEmpty() || found.get().isUsed()) {
      return false;
    }
    found.get().use(now);
    return true;
  }

  /** The step (current, one before or one after) whose code matches, if any. */
  static Optional<Long> matchingStep(byte[] secret, String code, Instant now) {
    if (secret == null || code == null || !code.strip().matches("\\d{6}")) {
      return Optional.empty();
    }
    String wanted = code.strip();
    long current = now.getEpochSecond() / STEP.toSeconds();
    for (long step = current - 1; step <= current + 1; step++) {
      if (codeAt(secret, Instant.ofEpochSecond(step * STEP.toSeconds())).equals(wanted)) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }

  /** The six-digit code an authenticator app shows for the secret at that moment. */
  public static String codeAt(byte[] secret, Instant when) {
    try {
      return new TimeBasedOneTimePasswordGenerator()
          .generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), when, Locale.ROOT);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("A TOTP secret is not a valid HMAC key", e);
    }
  }

  /** RFC 4648 Base32 without padding, as authenticator apps take a key. */
  static String base32(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        text.append(BASE32[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      text.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return text.toString();
  }

  private static String spaced(String key) {
    return String.join(" ", key.split("(?<=\\G.{4})"));
  }

  private static String recoveryCode() {
    char[] code = new char[10];
    for (int i = 0; i < code.length; i++) {
      code[i] = RECOVERY_ALPHABET[RANDOM.nextInt(RECOVERY_ALPHABET.length)];
    }
    return new String(code, 0, 5) + "-" + new String(code, 5, 5);
  }

  /** Recovery codes are compared without case, spaces or dashes, as people type them. */
  static String normalised(String typed) {
    return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  private static String qrPng(String text) {
    try {
      BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0);
      int scale = 6;
      int quiet = 4;
      int size = (matrix.getWidth() + 2 * quiet) * scale;
      BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int mx = x / scale - quiet;
          int my = y / scale - quiet;
          boolean dark =
              mx >= 0
                  && my >= 0
                  && mx < matrix.getWidth()
                  && my < matrix.getHeight()
                  && matrix.get(mx, my);
          image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
        }
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    } catch (WriterException e) {
      throw new IllegalStateException("The enrolment address does not fit a QR code", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private StaffAccount lockedAccount(long accountId) {
    StaffAccount account = em.find(StaffAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      throw RuleViolation.notFound("There is no staff account " + accountId + ".");
    }
    return account;
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
