package org.myochart.platform.web;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * On a page bean's action: a refused rule is shown on the page instead of failing the request. Each
 * field problem is put next to its field in {@link #form()}, the summary at the top, and the action
 * returns {@code null}, so the same view is shown again with everything that was typed.
 */
@Inherited
@InterceptorBinding
@Target({TYPE, METHOD})
@Retention(RUNTIME)
public @interface ShowsRuleViolations {

  /** The id of the form whose fields are marked; empty when the refusal is about no one field. */
  @Nonbinding
  String form() default "";
}
