package org.myochart.security;

import jakarta.security.enterprise.credential.Credential;

/** The code typed on the second sign-in step, for the account whose password was just accepted. */
public record SecondFactorCode(String code) implements Credential {}
