/**
 * Staff accounts, roles and sign-in: the identity store, the authentication mechanism that serves
 * form sign-in for pages and HTTP Basic for the API, password hashing and policy, sign-in
 * throttling, first-start owner creation and idle log-off.
 */
package org.myochart.security;
