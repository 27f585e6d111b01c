package org.myochart.platform;

/**
 * A request was refused by the web or API layer (a 403 page, a forbidden API call, a form sent back
 * for another record). Platform does not write the audit trail itself: the audit package observes
 * this event and records it as an {@code ACCESS_DENIED} entry, unless a service already recorded
 * the refusal that this request is answering.
 *
 * @param recordType what was asked for ({@code "Page"}, {@code "Api"})
 * @param recordId the page or address, clipped by the sender
 * @param detail a JSON object with what the refusal said, or {@code null}
 */
public record AccessRefused(String recordType, String recordId, String detail) {}
