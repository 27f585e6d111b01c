/** The owner's audit API: checking the audit trail's hash chain. */
package org.myochart.audit.api;
