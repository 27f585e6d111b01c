package org.myochart.audit;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An audit entry in words a person reads: the record kind spelt out, clients and staff by name, the
 * stored JSON detail as short "Key: value" text. Only the page reads this; the stored entry, its
 * hash and the CSV keep the raw text. Names come from the lookups given, which answer null for an
 * id they do not know (the entry then shows the id).
 */
public final class AuditEntryText {

  /** Record types whose id is the client's own (as {@code ConcernedClients} reads them). */
  private static final Set<String> THE_CLIENT =
      Set.of("Client", "ClientChart", "ReferralLetter", "FhirBundle");

  /** Detail keys whose number is a client's id. */
  private static final Set<String> CLIENT_KEYS = Set.of("client", "clientId", "printedFor");

  /** Record types whose words are not their split name. */
  private static final Map<String, String> RECORD_WORDS =
      Map.of(
          RecordKind.SOAP_NOTE.typeName(),
          "SOAP note",
          AuditSearch.RECORD_TYPE,
          "Audit trail",
          "ApiToken",
          "API token",
          "KioskSession",
          "Tablet hand-over",
          "ClientList",
          "Client list",
          "FhirBundle",
          "FHIR bundle");

  /** Words of a detail key that are written otherwise than split and lower-cased. */
  private static final Map<String, String> KEY_WORDS =
      Map.of("sha256", "SHA-256", "ip", "IP", "url", "address", "id", "ID", "pdf", "PDF");

  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
  private static final Pattern CLIENT_LIST = Pattern.compile("client:(\\d{1,18})");
  private static final Pattern KIOSK_ACTOR =
      Pattern.compile("kiosk:client-(\\d{1,18}) \\(started by (.+)\\)");
  private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{40,128}");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

  private final LongFunction<String> clientNames;
  private final Function<String, String> staffNames;

  /**
   * @param clientNames a client's name (with what tells it apart, such as the date of birth) by id
   * @param staffNames a staff member's display name by username
   */
  public AuditEntryText(LongFunction<String> clientNames, Function<String, String> staffNames) {
    this.clientNames = clientNames;
    this.staffNames = staffNames;
  }

  /**
   * A record type in words, e.g. {@code SoapNote} → "SOAP note", {@code HealthIntake} → "Health
   * intake".
   */
  public static String recordKind(String recordType) {
    if (recordType == null) {
      return "";
    }
    String known = RECORD_WORDS.get(recordType);
    if (known != null) {
      return known;
    }
    return capitalised(words(recordType));
  }

  /** Who acted: a staff member's name, or the tablet and the client it was handed to. */
  public String actor(String actor) {
    if (actor == null) {
      return "";
    }
    Matcher kiosk = KIOSK_ACTOR.matcher(actor);
    if (kiosk.matches()) {
      return "Tablet for "
          + client(Long.parseLong(kiosk.group(1)))
          + ", handed over by "
          + staff(kiosk.group(2));
    }
    return staff(actor);
  }

  /**
   * The record an entry is about: its kind in words and its number, a client by name, or a client's
   * list as "… of <client>".
   */
  public String record(String recordType, String recordId) {
    if (recordType == null) {
      return "";
    }
    String kind = recordKind(recordType);
    if (recordId == null) {
      return kind;
    }
    Matcher list = CLIENT_LIST.matcher(recordId);
    if (list.matches()) {
      return kind + " list of " + client(Long.parseLong(list.group(1)));
    }
    if (THE_CLIENT.contains(recordType) && NUMBER.matcher(recordId).matches()) {
      return kind + ": " + client(Long.parseLong(recordId));
    }
    return kind + " " + recordId;
  }

  /** The client's name, or "client <id>" when the lookup does not know it. */
  public String client(long id) {
    String name = clientNames.apply(id);
    return name == null ? "client " + id : name;
  }

  /**
   * The stored detail as "Key: value" text, parts separated by "; ": a JSON object's keys in words,
   * clients by name, actions by their label, yes/no for true/false, long hashes shortened. A detail
   * that is not JSON is shown as written.
   */
  public String detail(String detail) {
    if (detail == null || detail.isBlank()) {
      return "";
    }
    String text = detail.strip();
    if (!text.startsWith("{") && !text.startsWith("[")) {
      return text;
    }
    JsonStructure json;
    try (var reader = JSON.createReader(new StringReader(text))) {
      json = reader.read();
    } catch (JsonException e) {
      return text;
    }
    return json instanceof JsonObject object ? pairs(object, "; ") : value(null, json);
  }

  private String pairs(JsonObject object, String separator) {
    List<String> parts = new ArrayList<>();
    object.forEach((key, value) -> parts.add(keyWords(key) + ": " + value(key, value)));
    return String.join(separator, parts);
  }

  private String value(String key, JsonValue value) {
    return switch (value.getValueType()) {
      case NULL -> "none";
      case TRUE -> "yes";
      case FALSE -> "no";
      case NUMBER -> {
        JsonNumber number = (JsonNumber) value;
        yield key != null && CLIENT_KEYS.contains(key) && number.isIntegral()
            ? client(number.longValue())
            : number.toString();
      }
      case STRING -> text(key, ((JsonString) value).getString());
      case ARRAY ->
          ((JsonArray) value)
              .stream().map(item -> value(key, item)).collect(Collectors.joining(", "));
      case OBJECT -> "(" + pairs((JsonObject) value, ", ") + ")";
    };
  }

  private String text(String key, String text) {
    if ("action".equals(key)) {
      return AuditAction.labelOf(text);
    }
    if ("type".equals(key) || "recordType".equals(key)) {
      return recordKind(text);
    }
    if (key != null && CLIENT_KEYS.contains(key) && NUMBER.matcher(text).matches()) {
      return client(Long.parseLong(text));
    }
    if (HASH.matcher(text).matches()) {
      return text.substring(0, 12) + "…";
    }
    return text;
  }

  private String staff(String username) {
    String name = staffNames.apply(username);
    return name == null || name.equals(username) ? username : name + " (" + username + ")";
  }

  /** A JSON key in words, first letter capitalised: {@code letterSha256} → "Letter SHA-256". */
  static String keyWords(String key) {
    return capitalised(words(key));
  }

  private static String words(String camel) {
    return CAMEL
        .splitAsStream(camel.replace('_', ' '))
        .flatMap(part -> java.util.Arrays.stream(part.strip().split(" +")))
        .filter(word -> !word.isEmpty())
        .map(
            word -> {
              String known = KEY_WORDS.get(word.toLowerCase(java.util.Locale.ROOT));
              return known != null ? known : word.toLowerCase(java.util.Locale.ROOT);
            })
        .collect(Collectors.joining(" "));
  }

  private static String capitalised(String words) {
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
