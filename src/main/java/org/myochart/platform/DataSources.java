package org.myochart.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the pooled data source the persistence unit uses: 2 to 32 connections. Waiting,
 * statement and leak timeouts come from configuration ({@code
 * payara-config/post-boot-commands.asadmin} sets them for production).
 */
@DataSourceDefinition(
    name = DataSources.CLINIC,
    className = "org.myochart.platform.ClinicDataSource",
    minPoolSize = 2,
    maxPoolSize = 32,
    initialPoolSize = 2,
    maxIdleTime = 300,
    transactional = true,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=auto-commit",
      "fish.payara.fail-all-connections=true",
      // Payara reads only text attributes from configuration; pool sizes above are constants.
      "fish.payara.max-wait-time-in-millis=${MPCONFIG=myochart.db.pool.max-wait-millis:60000}",
      "fish.payara.statement-timeout-in-seconds=${MPCONFIG=myochart.db.pool.statement-timeout-seconds:-1}",
      "fish.payara.connection-leak-timeout-in-seconds=${MPCONFIG=myochart.db.pool.leak-timeout-seconds:0}"
    })
@ApplicationScoped
public class DataSources {
  public static final String CLINIC = "java:app/jdbc/myochart";
}
