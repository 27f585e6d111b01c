/** The owner's exports page and the archive download. */
package org.myochart.export.web;
