/** The owner's audit API: checking the audit trail, its signed tree heads and proofs. */
package org.myochart.audit.api;
