/** The client page's "Export for physician (FHIR)" download. */
package org.myochart.fhir.web;
