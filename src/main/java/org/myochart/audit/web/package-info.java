/**
 * The owner's audit pages: the dashboard's audit trail tile, the audit page with its filters and
 * History links, and its CSV download.
 */
package org.myochart.audit.web;
