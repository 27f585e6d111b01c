package org.myochart.treatment;

/** How many notes of one client are not signed yet; read by a JPQL constructor. */
public record UnsignedCount(Long clientId, Long notes) {}
