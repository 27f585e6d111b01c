package org.myochart.platform.validation;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * On a service whose parameters carry constraints ({@code @Valid ClientDetails details},
 * {@code @Required String reason}): the container's method validation refuses bad input before the
 * method runs, and this turns its {@code ConstraintViolationException} into the {@link
 * org.myochart.platform.RuleViolation} that pages and the API already answer.
 */
@Inherited
@InterceptorBinding
@Target({TYPE, METHOD})
@Retention(RUNTIME)
public @interface RefusesInvalidInput {}
