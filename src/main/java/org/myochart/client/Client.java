package org.myochart.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import org.myochart.platform.RuleViolation;

/** A person the clinic treats. Clients are deactivated, never deleted. */
@Entity
@Table(name = "client")
public class Client implements java.io.Serializable {

  public static final int ADULT_AGE = 18;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "client_seq")
  @SequenceGenerator(name = "client_seq", sequenceName = "client_seq", allocationSize = 50)
  private Long id;

  @Column(name = "first_name", nullable = false)
  private String firstName;

  @Column(name = "last_name", nullable = false)
  private String lastName;

  @Column(name = "first_name_key", nullable = false)
  private String firstNameKey;

  @Column(name = "last_name_key", nullable = false)
  private String lastNameKey;

  @Column(name = "date_of_birth", nullable = false)
  private LocalDate dateOfBirth;

  private String phone;

  @Column(name = "phone_digits")
  private String phoneDigits;

  private String email;

  @Column(name = "emergency_contact_name")
  private String emergencyContactName;

  @Column(name = "emergency_contact_phone")
  private String emergencyContactPhone;

  @Column(name = "preferred_language")
  private String preferredLanguage;

  @Column(name = "physician_name")
  private String physicianName;

  @Column(name = "physician_contact")
  private String physicianContact;

  private String notes;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "possible_duplicate", nullable = false)
  private boolean possibleDuplicate;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** The one-time id of the registration form that created this client, if a form did. */
  @Column(name = "submission_id", updatable = false)
  private String submissionId;

  @Version private long version;

  protected Client() {}

  Client(ClientDetails details, boolean possibleDuplicate, Instant now) {
    this(details, possibleDuplicate, now, null);
  }

  Client(ClientDetails details, boolean possibleDuplicate, Instant now, String submissionId) {
    this.submissionId = submissionId;
    describe(details, now);
    this.active = true;
    this.possibleDuplicate = possibleDuplicate;
    this.createdAt = now;
  }

  void describe(ClientDetails details, Instant now) {
    firstName = details.firstName();
    lastName = details.lastName();
    firstNameKey = key(firstName);
    lastNameKey = key(lastName);
    dateOfBirth = details.dateOfBirth();
    phone = details.phone();
    phoneDigits = digits(phone);
    email = details.email();
    emergencyContactName = details.emergencyContactName();
    emergencyContactPhone = details.emergencyContactPhone();
    preferredLanguage = details.preferredLanguage();
    physicianName = details.physicianName();
    physicianContact = details.physicianContact();
    notes = details.notes();
    updatedAt = now;
  }

  void deactivate(Instant now) {
    if (!active) {
      throw RuleViolation.conflict(getFullName() + " is already inactive.");
    }
    active = false;
    updatedAt = now;
  }

  void reactivate(Instant now) {
    if (active) {
      throw RuleViolation.conflict(getFullName() + " is already active.");
    }
    active = true;
    updatedAt = now;
  }

  /** The person reviewed the duplicate warning and confirmed these are different people. */
  void confirmNotDuplicate(Instant now) {
    possibleDuplicate = false;
    updatedAt = now;
  }

  public int ageOn(LocalDate day) {
    return Period.between(dateOfBirth, day).getYears();
  }

  /** A minor needs a guardian to consent. */
  public boolean isMinorOn(LocalDate day) {
    return ageOn(day) < ADULT_AGE;
  }

  public ClientDetails details() {
    return new ClientDetails(
        firstName,
        lastName,
        dateOfBirth,
        phone,
        email,
        emergencyContactName,
        emergencyContactPhone,
        preferredLanguage,
        physicianName,
        physicianContact,
        notes);
  }

  static String key(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }

  static String digits(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? null : digits;
  }

  public Long getId() {
    return id;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public String getFullName() {
    return firstName + " " + lastName;
  }

  public LocalDate getDateOfBirth() {
    return dateOfBirth;
  }

  public String getPhone() {
    return phone;
  }

  public String getEmail() {
    return email;
  }

  public String getEmergencyContactName() {
    return emergencyContactName;
  }

  public String getEmergencyContactPhone() {
    return emergencyContactPhone;
  }

  public String getPreferredLanguage() {
    return preferredLanguage;
  }

  public String getPhysicianName() {
    return physicianName;
  }

  public String getPhysicianContact() {
    return physicianContact;
  }

  public String getNotes() {
    return notes;
  }

  public boolean isActive() {
    return active;
  }

  public boolean isPossibleDuplicate() {
    return possibleDuplicate;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getVersion() {
    return version;
  }
}
