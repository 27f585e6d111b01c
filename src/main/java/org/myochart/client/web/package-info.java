/** Pages for finding, registering and reading clients, their intake, red flags and clearances. */
package org.myochart.client.web;
