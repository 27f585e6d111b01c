package org.myochart.client;

import org.myochart.platform.TextRules;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What staff type about a client; checked as a whole so every wrong field is reported at once. */
public record ClientDetails(
    String firstName,
    String lastName,
    LocalDate dateOfBirth,
    String phone,
    String email,
    String emergencyContactName,
    String emergencyContactPhone,
    String preferredLanguage,
    String physicianName,
    String physicianContact,
    String notes) {

  private static final Pattern PHONE = Pattern.compile("[+0-9 ()./-]{3,40}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  public ClientDetails {
    firstName = TextRules.clean(firstName);
    lastName = TextRules.clean(lastName);
    phone = TextRules.clean(phone);
    email = TextRules.clean(email);
    emergencyContactName = TextRules.clean(emergencyContactName);
    emergencyContactPhone = TextRules.clean(emergencyContactPhone);
    preferredLanguage = TextRules.clean(preferredLanguage);
    physicianName = TextRules.clean(physicianName);
    physicianContact = TextRules.clean(physicianContact);
    notes = TextRules.clean(notes);
  }

  /** Field name to message for everything that is wrong; empty when the details are acceptable. */
  public Map<String, String> problems(LocalDate today) {
    Map<String, String> problems = new LinkedHashMap<>();
    TextRules.checkName(problems, "firstName", "first name", firstName, 100, true);
    TextRules.checkName(problems, "lastName", "last name", lastName, 100, true);
    if (dateOfBirth == null) {
      problems.put("dateOfBirth", "Enter the date of birth.");
    } else if (dateOfBirth.isAfter(today)) {
      problems.put("dateOfBirth", "The date of birth cannot be in the future.");
    } else if (dateOfBirth.isBefore(EARLIEST_BIRTH)) {
      problems.put("dateOfBirth", "The date of birth cannot be before 1900.");
    }
    TextRules.check(problems, "phone", "phone number", phone, 40, false, false);
    if (phone != null && !problems.containsKey("phone") && !PHONE.matcher(phone).matches()) {
      problems.put("phone", "A phone number has digits, spaces and + ( ) - . / only.");
    }
    TextRules.check(problems, "email", "email address", email, 200, false, false);
    if (email != null && !problems.containsKey("email") && !EMAIL.matcher(email).matches()) {
      problems.put("email", "This is not an email address (name@example.org).");
    }
    TextRules.checkName(problems, "emergencyContactName", "emergency contact", emergencyContactName, 200, false);
    TextRules.check(problems, "emergencyContactPhone", "emergency contact's phone", emergencyContactPhone, 40, false, false);
    if (emergencyContactPhone != null && !problems.containsKey("emergencyContactPhone")
        && !PHONE.matcher(emergencyContactPhone).matches()) {
      problems.put("emergencyContactPhone", "A phone number has digits, spaces and + ( ) - . / only.");
    }
    TextRules.check(problems, "preferredLanguage", "preferred language", preferredLanguage, 60, false, false);
    TextRules.checkName(problems, "physicianName", "physician's name", physicianName, 200, false);
    TextRules.check(problems, "physicianContact", "physician's contact", physicianContact, 200, false, false);
    TextRules.check(problems, "notes", "notes", notes, 4000, false, true);
    return problems;
  }
}
