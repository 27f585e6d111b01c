/**
 * The break-glass screen a therapist meets outside their caseload, the guard that sends clinical
 * pages there, and the owner's dashboard tile of recent break-glass access.
 */
package org.myochart.caseload.web;
