package org.myochart.client;

/** Something in the intake that changes what treatment is safe, said where the therapist looks. */
public record Caution(String area, String advice) {}
