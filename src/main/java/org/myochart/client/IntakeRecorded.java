package org.myochart.client;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Set;
import java.util.TreeSet;
import org.myochart.audit.AuditDetail;

/** The detail of a new health intake version: its number, where it came from, its red flags. */
@JsonbPropertyOrder({"client", "version", "source", "redFlags"})
public record IntakeRecorded(long client, int version, String source, String redFlags)
    implements AuditDetail {

  IntakeRecorded(long client, int version, IntakeSource source, Set<RedFlag> redFlags) {
    this(client, version, source.name(), listed(redFlags));
  }

  @Override
  public Long concernedClient() {
    return client;
  }

  /** Red flags as {@code [A, B]} in the order of the enum, so the text is the same every time. */
  static String listed(Set<RedFlag> redFlags) {
    return new TreeSet<>(redFlags).toString();
  }
}
