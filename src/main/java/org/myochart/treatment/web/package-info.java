/**
 * Treatment pages: starting a session, writing and signing a SOAP note with the body chart,
 * addenda, the unsigned-notes work list, and the profile's sessions and outcome charts.
 */
package org.myochart.treatment.web;
