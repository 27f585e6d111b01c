/** Faces plumbing shared by every page: messages, error pages and response headers. */
package org.myochart.platform.web;
