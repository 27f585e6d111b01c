/** A client's consents over the REST API, read-only, for owners and therapists. */
package org.myochart.consent.api;
