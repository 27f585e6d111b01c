package org.myochart.platform;

/**
 * Fired once at deployment, after the schema was migrated: the domain packages observe it to do
 * their own start-up work, in the order {@link StartupOrder} gives them. An observer that throws
 * fails the deployment, as a failed migration does.
 */
public record SchemaMigrated(String version) {}
