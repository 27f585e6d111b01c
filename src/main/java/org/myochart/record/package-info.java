/**
 * Signed records: every consent, note and addendum rendered once as PDF/A-3b with its
 * machine-readable source attached, and sealed with the clinic's key as a PAdES certification
 * signature, so that any reader or validator can tell whether it was changed. Verification checks
 * an uploaded PDF against its seal and the stored copy; a client's chart combines the stored PDFs
 * into one sealed file without rendering any of them again.
 */
package org.myochart.record;
