package org.myochart.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;

/**
 * On/off options the owner switches at run time, kept in the database so that every instance
 * sees the same. Each switch is audited. Which roles may switch what is the caller's business.
 */
@ApplicationScoped
@Transactional
public class ClinicOptions {

  public static final String AUDIT_TYPE = "ClinicOption";

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject CurrentActor actor;
  @Inject Clock clock;

  public boolean isOn(String key) {
    return find(key).map(o -> "true".equals(o.getValue())).orElse(false);
  }

  public Optional<ClinicOption> find(String key) {
    return Optional.ofNullable(em.find(ClinicOption.class, key));
  }

  public void switchTo(String key, boolean on) {
    ClinicOption option = find(key).orElseGet(() -> {
      ClinicOption created = new ClinicOption(key);
      em.persist(created);
      return created;
    });
    option.change(Boolean.toString(on), actor.get().name(), clock.instant());
    audit.record(AuditAction.CHANGE, AUDIT_TYPE, key, Json.createObjectBuilder().add("on", on).build().toString());
  }
}
