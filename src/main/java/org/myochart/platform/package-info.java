/**
 * Wiring only: where the database is, how the schema is migrated at start-up, the clock, the REST
 * activation, response headers, health checks, and the on/off options the owner switches at run
 * time. Nothing here knows about clients, consents or notes; the domain packages use what this
 * package provides.
 */
package org.myochart.platform;
