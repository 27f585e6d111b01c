package org.myochart.security;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.validation.PersonName;
import org.myochart.platform.validation.RefusesInvalidInput;
import org.myochart.platform.validation.Required;
import org.myochart.staff.Role;

/** Guards the clinic's staff accounts: who may sign in, in which role, with which password. */
@ApplicationScoped
@Transactional
@RefusesInvalidInput
public class StaffAccounts {

  public static final String RECORD_TYPE = "StaffAccount";
  public static final int MAXIMUM_NAME_LENGTH = 120;

  @PersistenceContext EntityManager em;
  @Inject Passwords passwords;
  @Inject ApiTokens tokens;
  @Inject SignInThrottle throttle;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  public List<StaffAccount> all() {
    return em.createQuery(
            "select s from StaffAccount s order by s.active desc, s.displayName",
            StaffAccount.class)
        .getResultList();
  }

  public Optional<StaffAccount> find(long id) {
    return Optional.ofNullable(em.find(StaffAccount.class, id));
  }

  public StaffAccount get(long id) {
    return find(id)
        .orElseThrow(() -> RuleViolation.notFound("There is no staff account " + id + "."));
  }

  public Optional<StaffAccount> findByUsername(String username) {
    return em.createQuery("select s from StaffAccount s where s.username = :u", StaffAccount.class)
        .setParameter("u", Username.normalize(username))
        .getResultStream()
        .findFirst();
  }

  public boolean ownerExists() {
    return em.createQuery("select count(s) from StaffAccount s where s.role = :r", Long.class)
            .setParameter("r", Role.OWNER)
            .getSingleResult()
        > 0;
  }

  /** Creates the clinic's first owner; refused once the clinic has been set up. */
  public StaffAccount createFirstOwner(
      String username,
      @Required(label = "person's full name")
          @PersonName(label = "full name", max = MAXIMUM_NAME_LENGTH)
          String displayName,
      String password) {
    Instant now = clock.instant();
    // The installation row's primary key makes a second, concurrent setup fail instead of racing.
    if (em.find(Installation.class, Installation.ONLY_ROW, LockModeType.PESSIMISTIC_WRITE) != null
        || ownerExists()) {
      throw RuleViolation.conflict("MyoChart has already been set up; sign in instead.");
    }
    em.persist(new Installation(now));
    StaffAccount owner = create(username, displayName, Role.OWNER, password, false);
    audit.record(AuditAction.SETUP, RECORD_TYPE, owner.getId(), "first owner created");
    return owner;
  }

  /**
   * Adds a staff member. A password chosen by the owner for someone else is temporary and must be
   * changed at first sign-in.
   */
  public StaffAccount create(
      String username,
      @Required(label = "person's full name")
          @PersonName(label = "full name", max = MAXIMUM_NAME_LENGTH)
          String displayName,
      Role role,
      String password,
      boolean temporaryPassword) {
    String normalized = Username.normalize(username);
    Username.problemWith(normalized)
        .ifPresent(
            problem -> {
              throw RuleViolation.invalid(problem);
            });
    String name = checkedName(displayName);
    Objects.requireNonNull(role, "role");
    PasswordPolicy.problemWith(password, normalized, name)
        .ifPresent(
            problem -> {
              throw RuleViolation.invalid(problem);
            });
    if (findByUsername(normalized).isPresent()) {
      throw RuleViolation.conflict(
          "The username \""
              + normalized
              + "\" is taken. Choose another; usernames are never reused.");
    }
    Instant now = clock.instant();
    StaffAccount account =
        new StaffAccount(normalized, name, role, passwords.hash(password), temporaryPassword, now);
    em.persist(account);
    em.flush();
    audit.record(
        AuditAction.CREATE,
        RECORD_TYPE,
        account.getId(),
        JSON.createObjectBuilder().add("after", snapshot(account)).build().toString());
    return account;
  }

  /** Changes name and role; refused if someone else saved the account since {@code seenVersion}. */
  public StaffAccount describe(
      long id,
      long seenVersion,
      @Required(label = "person's full name")
          @PersonName(label = "full name", max = MAXIMUM_NAME_LENGTH)
          String displayName,
      Role role,
      String actingUsername) {
    StaffAccount account = current(id, seenVersion);
    String name = checkedName(displayName);
    Objects.requireNonNull(role, "Choose a role.");
    if (account.isOwner() && role != Role.OWNER) {
      if (account.getUsername().equals(actingUsername)) {
        throw RuleViolation.conflict("You cannot take the owner role away from yourself.");
      }
      requireAnotherActiveOwner(account);
    }
    JsonObjectBuilder before = snapshot(account);
    boolean roleChanges = account.getRole() != role;
    account.describe(name, role, clock.instant());
    em.flush();
    if (roleChanges) {
      // A token acts in the role its account had; none survives a change to come back later.
      tokens.revokeAllOf(id, actingUsername);
    }
    audit.record(
        AuditAction.CHANGE,
        RECORD_TYPE,
        id,
        JSON.createObjectBuilder()
            .add("before", before)
            .add("after", snapshot(account))
            .build()
            .toString());
    return account;
  }

  public StaffAccount deactivate(long id, long seenVersion, String actingUsername) {
    StaffAccount account = current(id, seenVersion);
    if (account.getUsername().equals(actingUsername)) {
      throw RuleViolation.conflict("You cannot deactivate your own account.");
    }
    if (account.isOwner()) {
      requireAnotherActiveOwner(account);
    }
    account.deactivate(clock.instant());
    em.flush();
    audit.record(AuditAction.DEACTIVATE, RECORD_TYPE, id, null);
    tokens.revokeAllOf(id, actingUsername);
    return account;
  }

  public StaffAccount reactivate(long id, long seenVersion) {
    StaffAccount account = current(id, seenVersion);
    account.reactivate(clock.instant());
    em.flush();
    audit.record(AuditAction.REACTIVATE, RECORD_TYPE, id, null);
    return account;
  }

  /** The owner sets a temporary password; the staff member must replace it at next sign-in. */
  public StaffAccount resetPassword(long id, long seenVersion, String temporaryPassword) {
    StaffAccount account = current(id, seenVersion);
    PasswordPolicy.problemWithReplacement(
            temporaryPassword,
            account.getUsername(),
            account.getDisplayName(),
            candidate -> passwords.matches(candidate, account.passwordHash()))
        .ifPresent(
            problem -> {
              throw RuleViolation.invalid(problem);
            });
    account.assignPassword(passwords.hash(temporaryPassword), true, clock.instant());
    em.flush();
    // A locked-out person asks the owner for a reset; the new password must work at once.
    throttle.forget(account.getUsername());
    audit.record(AuditAction.PASSWORD_RESET, RECORD_TYPE, id, null);
    return account;
  }

  /** A signed-in person replaces their own password, proving they know the current one. */
  public StaffAccount changeOwnPassword(
      String username, String currentPassword, String newPassword) {
    StaffAccount account =
        findByUsername(username)
            .orElseThrow(() -> RuleViolation.notFound("Your account no longer exists."));
    if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
      throw RuleViolation.invalid("The current password is not correct.");
    }
    PasswordPolicy.problemWithReplacement(
            newPassword,
            account.getUsername(),
            account.getDisplayName(),
            candidate -> passwords.matches(candidate, account.passwordHash()))
        .ifPresent(
            problem -> {
              throw RuleViolation.invalid(problem);
            });
    account.assignPassword(passwords.hash(newPassword), false, clock.instant());
    audit.record(AuditAction.PASSWORD_CHANGE, RECORD_TYPE, account.getId(), null);
    return account;
  }

  /**
   * Checks a password for sign-in; unknown and inactive accounts cost the same time as known ones.
   */
  public Optional<StaffAccount> authenticate(String username, String password) {
    Optional<StaffAccount> account = findByUsername(username);
    if (account.isEmpty() || !account.get().isActive()) {
      passwords.matchesNothing(password);
      return Optional.empty();
    }
    return passwords.matches(password, account.get().passwordHash()) ? account : Optional.empty();
  }

  private StaffAccount current(long id, long seenVersion) {
    StaffAccount account = get(id);
    if (account.getVersion() != seenVersion) {
      throw RuleViolation.stale("staff account");
    }
    return account;
  }

  private void requireAnotherActiveOwner(StaffAccount owner) {
    long others =
        em.createQuery(
                "select count(s) from StaffAccount s where s.role = :r and s.active = true and s.id <> :id",
                Long.class)
            .setParameter("r", Role.OWNER)
            .setParameter("id", owner.getId())
            .getSingleResult();
    if (others == 0) {
      throw RuleViolation.conflict(
          "The clinic needs at least one active owner. Make someone else an owner first.");
    }
  }

  /** The name as kept; its rules are the constraints on the {@code displayName} parameters. */
  private static String checkedName(String displayName) {
    return displayName.strip();
  }

  private static JsonObjectBuilder snapshot(StaffAccount account) {
    return JSON.createObjectBuilder()
        .add("username", account.getUsername())
        .add("displayName", account.getDisplayName())
        .add("role", account.getRole().name())
        .add("active", account.isActive());
  }
}
