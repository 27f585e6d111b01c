/**
 * Consent pages: signing on the kiosk tablet, the consent part of a client's profile, one consent's
 * record with its signature and scan, paper consents and printable forms, and the owner's form
 * editor.
 */
package org.myochart.consent.web;
