/** Pages for signing in, first-start setup, one's own password and the owner's staff management. */
package org.myochart.security.web;
