/** Downloads of the sealed record PDFs. */
package org.myochart.record.web;
