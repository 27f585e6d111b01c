/**
 * Who may open a client's clinical record. A therapist's caseload is every client they have had a
 * session with, plus the clients nobody has treated yet; anyone else's record opens only through
 * break-glass: the therapist gives a reason, which is audited as {@code BREAK_GLASS}, grants access
 * for a limited time and shows on the owner's dashboard until the owner marks it reviewed.
 */
package org.myochart.caseload;
