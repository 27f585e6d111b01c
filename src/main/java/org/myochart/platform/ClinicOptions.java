package org.myochart.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * On/off options the owner switches at run time, kept in the database so that every instance sees
 * the same. Which roles may switch what, and the audit entry of each switch, are the caller's
 * business (platform knows neither roles nor the audit trail).
 */
@ApplicationScoped
@Transactional
public class ClinicOptions {

  public static final String AUDIT_TYPE = "ClinicOption";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  public boolean isOn(String key) {
    return find(key).map(o -> "true".equals(o.getValue())).orElse(false);
  }

  public Optional<ClinicOption> find(String key) {
    return Optional.ofNullable(em.find(ClinicOption.class, key));
  }

  /** Switches the option, in the caller's transaction, as {@code changedBy}. */
  public void switchTo(String key, boolean on, String changedBy) {
    ClinicOption option =
        find(key)
            .orElseGet(
                () -> {
                  ClinicOption created = new ClinicOption(key);
                  em.persist(created);
                  return created;
                });
    option.change(Boolean.toString(on), changedBy, clock.instant());
  }
}
