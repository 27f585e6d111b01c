/**
 * Wiring only: where the database is, how the schema is migrated at start-up, the clock, the
 * REST activation, response headers and health checks. Nothing here knows about clients, consents
 * or notes; the domain packages use what this package provides.
 */
package org.myochart.platform;
