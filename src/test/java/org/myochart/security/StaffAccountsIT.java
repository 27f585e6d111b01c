package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditChain;
import org.myochart.audit.AuditEntry;
import org.myochart.audit.AuditLeaf;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.AuditTree;
import org.myochart.audit.CurrentActor;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.SchemaMigration;
import org.myochart.staff.Role;
import org.myochart.testsupport.Deployments;
import org.myochart.testsupport.InTheContainer;

/** Staff accounts, sign-in and the audit chain, inside Payara Micro on the real database. */
@InTheContainer
class StaffAccountsIT {

  private static final String PASSWORD = "lavender and eucalyptus";

  @Deployment
  static WebArchive deployment() {
    return Deployments.clinic(StaffAccountsIT.class);
  }

  @Inject StaffAccounts accounts;
  @Inject SignIns signIns;
  @Inject AuditTrail audit;
  @Inject AuditTree tree;
  @Inject AuditChain chain;
  @Inject SchemaMigration schema;
  @Inject ApiTokens tokens;
  @PersistenceContext EntityManager em;

  private static String someone() {
    return "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void schemaIsMigratedAtStartUp() {
    assertTrue(schema.isDone());
    assertTrue(Integer.parseInt(schema.currentVersion()) >= 2, schema.currentVersion());
  }

  @Test
  void createdAccountIsStoredWithAHashNotThePassword() {
    String username = someone();
    StaffAccount account = accounts.create(username, "Ada Lind", Role.THERAPIST, PASSWORD, true);

    String stored =
        (String)
            em.createNativeQuery("select password_hash from staff_account where id = ?")
                .setParameter(1, account.getId())
                .getSingleResult();
    assertFalse(stored.contains(PASSWORD));
    assertTrue(stored.startsWith("PBKDF2WithHmacSHA512:210000:"), stored);
    assertTrue(account.isPasswordChangeRequired());
  }

  @Test
  void creatingAnAccountLeavesAnAuditEntryWithTheNewValues() {
    StaffAccount account = accounts.create(someone(), "Bo Strand", Role.FRONT_DESK, PASSWORD, true);

    List<AuditEntry> history = audit.forRecord(StaffAccounts.RECORD_TYPE, account.getId());
    assertEquals(AuditAction.CREATE, history.get(0).getAction());
    assertTrue(history.get(0).getDetail().contains("\"role\":\"FRONT_DESK\""));
  }

  @Test
  void duplicateUsernameIsRefusedAndNothingIsSaved() {
    String username = someone();
    accounts.create(username, "First Person", Role.THERAPIST, PASSWORD, true);
    long before = accounts.all().size();

    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                accounts.create(
                    username.toUpperCase(), "Second Person", Role.THERAPIST, PASSWORD, true));

    assertTrue(refused.getMessage().contains("is taken"));
    assertEquals(before, accounts.all().size());
  }

  @Test
  void editBasedOnAnOldVersionIsRefusedAsStale() {
    StaffAccount account = accounts.create(someone(), "Cara Holm", Role.THERAPIST, PASSWORD, true);
    long seen = account.getVersion();
    accounts.describe(account.getId(), seen, "Cara Holm-Berg", Role.THERAPIST, "owner");

    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () -> accounts.describe(account.getId(), seen, "Cara H.", Role.FRONT_DESK, "owner"));

    assertEquals(RuleViolation.Kind.STALE, refused.kind());
    StaffAccount stored = accounts.get(account.getId());
    assertEquals("Cara Holm-Berg", stored.getDisplayName());
    assertEquals(Role.THERAPIST, stored.getRole());
  }

  @Test
  void deactivatedAccountCannotSignInAndIsNeverDeleted() {
    String username = someone();
    StaffAccount account = accounts.create(username, "Dag Rust", Role.THERAPIST, PASSWORD, false);
    accounts.deactivate(account.getId(), account.getVersion(), "owner");

    SignIns.Attempt attempt = signIns.attempt(username, PASSWORD, Actor.SYSTEM);

    assertTrue(attempt.account().isEmpty());
    assertEquals("Unknown username or wrong password.", attempt.outcome().message());
    assertTrue(accounts.findByUsername(username).isPresent());
  }

  @Test
  void ownerCannotDeactivateThemselves() {
    String username = someone();
    StaffAccount owner = accounts.create(username, "Eva Owner", Role.OWNER, PASSWORD, false);

    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () -> accounts.deactivate(owner.getId(), owner.getVersion(), username));

    assertTrue(refused.getMessage().contains("your own account"));
  }

  @Test
  void theLastActiveOwnerCannotBeDeactivated() {
    StaffAccount keeper = accounts.create(someone(), "Last Owner", Role.OWNER, PASSWORD, false);
    for (StaffAccount other : accounts.all()) {
      if (other.isOwner() && other.isActive() && !other.getId().equals(keeper.getId())) {
        accounts.deactivate(other.getId(), other.getVersion(), "test");
      }
    }
    StaffAccount current = accounts.get(keeper.getId());

    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () -> accounts.deactivate(current.getId(), current.getVersion(), "test"));

    assertTrue(refused.getMessage().contains("at least one active owner"));
    assertTrue(accounts.get(keeper.getId()).isActive());
  }

  @Test
  void fiveWrongPasswordsLockTheUsernameEvenForTheRightPassword() {
    String username = someone();
    accounts.create(username, "Finn Lock", Role.THERAPIST, PASSWORD, false);
    for (int i = 0; i < 5; i++) {
      signIns.attempt(username, "not the password " + i, Actor.SYSTEM);
    }

    SignIns.Attempt attempt = signIns.attempt(username, PASSWORD, Actor.SYSTEM);

    assertTrue(attempt.account().isEmpty());
    assertTrue(attempt.outcome().message().startsWith("Too many failed sign-ins"));
  }

  @Test
  void ownerResetLiftsTheLockSoTheTemporaryPasswordWorksAtOnce() {
    String username = someone();
    StaffAccount account = accounts.create(username, "Hege Reset", Role.THERAPIST, PASSWORD, false);
    for (int i = 0; i < 5; i++) {
      signIns.attempt(username, "forgotten password " + i, Actor.SYSTEM);
    }

    accounts.resetPassword(
        account.getId(), accounts.get(account.getId()).getVersion(), "fresh start password");

    assertTrue(
        signIns.attempt(username, "fresh start password", Actor.SYSTEM).account().isPresent());
  }

  @Test
  void theCurrentPasswordIsRefusedAsTheNewOneInAResetAndInAChange() {
    StaffAccount account =
        accounts.create(someone(), "Ines Again", Role.THERAPIST, PASSWORD, false);

    RuleViolation reset =
        assertThrows(
            RuleViolation.class,
            () ->
                accounts.resetPassword(
                    account.getId(), accounts.get(account.getId()).getVersion(), PASSWORD));
    RuleViolation change =
        assertThrows(
            RuleViolation.class,
            () -> accounts.changeOwnPassword(account.getUsername(), PASSWORD, PASSWORD));
    RuleViolation guessable =
        assertThrows(
            RuleViolation.class,
            () -> accounts.changeOwnPassword(account.getUsername(), PASSWORD, "qwertyuiopas"));

    assertEquals(
        "That is the account's current password; choose a different one.", reset.getMessage());
    assertEquals(
        "That is the account's current password; choose a different one.", change.getMessage());
    assertTrue(
        guessable.getMessage().startsWith("The password is too easy to guess."),
        guessable.getMessage());
    assertTrue(
        signIns.attempt(account.getUsername(), PASSWORD, Actor.SYSTEM).account().isPresent());
  }

  @Test
  void aDisplayNameWithARightToLeftOverrideIsRefused() {
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                accounts.create(someone(), "Evil\u202Eelif.exe", Role.THERAPIST, PASSWORD, false));

    assertEquals(
        "The full name contains an invisible or text-direction character; type it again without copying"
            + " it from elsewhere.",
        refused.getMessage());
  }

  @Test
  void unknownUsernamesAreLockedTheSameWaySoLockingRevealsNothing() {
    String nobody = someone();
    for (int i = 0; i < 5; i++) {
      signIns.attempt(nobody, "guess number " + i, Actor.SYSTEM);
    }

    assertTrue(
        signIns
            .attempt(nobody, "guess again", Actor.SYSTEM)
            .outcome()
            .message()
            .startsWith("Too many failed sign-ins"));
  }

  @Test
  void auditEntriesTakeTheirPlacesInTheTreeInTheOrderTheyWereWritten() {
    accounts.create(someone(), "Gro Chain", Role.THERAPIST, PASSWORD, true);
    signIns.attempt("nobody-here", "wrong password", Actor.SYSTEM);
    List<AuditEntry> written = audit.latest(2);

    long size = tree.publish().orElseThrow().getTreeSize();

    List<AuditLeaf> leaves =
        em.createQuery(
                "select l from AuditLeaf l where l.entryId in :ids order by l.leafIndex",
                AuditLeaf.class)
            .setParameter("ids", written.stream().map(AuditEntry::getId).toList())
            .getResultList();
    assertEquals(2, leaves.size());
    assertEquals(written.get(1).getId(), leaves.get(0).getEntryId(), "the older one first");
    assertEquals(written.get(0).getEntryHash(), leaves.get(1).getEntryHash());
    assertTrue(leaves.get(1).getLeafIndex() < size);
    for (AuditEntry entry : written) {
      assertEquals(entry.getEntryHash(), entry.computeHash(), "entry " + entry.getId());
    }
    assertTrue(chain.verify().intact(), chain.latest().reason());
  }

  @Test
  void failedSignInIsAuditedWithTheAttemptedName() {
    String nobody = someone();
    signIns.attempt(nobody, "wrong password", new Actor("anonymous", null, "192.0.2.1", "curl"));

    AuditEntry last = audit.latest(1).get(0);
    assertEquals(AuditAction.LOGIN_FAILED, last.getAction());
    assertEquals(nobody, last.getActor());
    assertEquals("192.0.2.1", last.getIpAddress());
    assertEquals(last.computeHash(), last.getEntryHash());
  }

  @Test
  void onlyTheOwnerIssuesATokenAndTheServiceFindsItsAccountByTheTokenAlone() {
    StaffAccount therapist =
        accounts.create(someone(), "Cai Holm", Role.THERAPIST, PASSWORD, false);
    Actor owner = new Actor("owner", Role.OWNER, "192.0.2.9", "test");
    Actor colleague = new Actor(therapist.getUsername(), Role.THERAPIST, "192.0.2.9", "test");
    long before = em.createQuery("select count(t) from ApiToken t", Long.class).getSingleResult();

    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                CurrentActor.actAs(
                    colleague, () -> tokens.issue(therapist.getId(), "My own script", 30)));
    assertEquals(RuleViolation.Kind.FORBIDDEN, refused.kind());
    assertEquals(
        before, em.createQuery("select count(t) from ApiToken t", Long.class).getSingleResult());

    ApiTokens.Issued[] issued = new ApiTokens.Issued[1];
    CurrentActor.actAs(owner, () -> issued[0] = tokens.issue(therapist.getId(), " Sync ", 30));
    assertEquals("Sync", issued[0].token().getName());
    ApiTokens.Check check = tokens.check(issued[0].secret(), owner);
    assertEquals(therapist.getId(), check.token().orElseThrow().getAccount().getId());
    String secret = issued[0].secret();
    char last = secret.charAt(secret.length() - 1);
    String oneCharacterOff = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertTrue(tokens.check(oneCharacterOff, owner).token().isEmpty());
  }

  @Test
  void deactivatingAnAccountOrChangingItsRoleRevokesItsTokensForGood() {
    StaffAccount therapist =
        accounts.create(someone(), "Dag Lund", Role.THERAPIST, PASSWORD, false);
    Actor owner = new Actor("owner", Role.OWNER, "192.0.2.9", "test");
    ApiTokens.Issued[] issued = new ApiTokens.Issued[2];
    CurrentActor.actAs(owner, () -> issued[0] = tokens.issue(therapist.getId(), "One", 30));

    StaffAccount deactivated =
        accounts.deactivate(therapist.getId(), therapist.getVersion(), "owner");
    StaffAccount back = accounts.reactivate(therapist.getId(), deactivated.getVersion());
    assertTrue(tokens.check(issued[0].secret(), owner).refusal().contains("revoked"));

    CurrentActor.actAs(owner, () -> issued[1] = tokens.issue(therapist.getId(), "Two", 30));
    StaffAccount desk =
        accounts.describe(
            therapist.getId(), back.getVersion(), "Dag Lund", Role.FRONT_DESK, "owner");
    accounts.describe(therapist.getId(), desk.getVersion(), "Dag Lund", Role.THERAPIST, "owner");
    assertTrue(tokens.check(issued[1].secret(), owner).refusal().contains("revoked"));
  }
}
