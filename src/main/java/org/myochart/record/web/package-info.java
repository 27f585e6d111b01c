/**
 * Downloads of the sealed record PDFs and chart PDFs, and the owner's and auditors' verification
 * pages.
 */
package org.myochart.record.web;
