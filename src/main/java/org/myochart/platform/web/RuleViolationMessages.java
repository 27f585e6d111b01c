package org.myochart.platform.web;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.validation.FieldProblems;

/**
 * The one place a page turns a refusal into messages (ADR-049); see {@link ShowsRuleViolations}.
 */
@ShowsRuleViolations
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RuleViolationMessages implements Serializable {

  @AroundInvoke
  public Object show(InvocationContext call) throws Exception {
    try {
      return call.proceed();
    } catch (RuleViolation refused) {
      return shown(refused, call);
    } catch (ConstraintViolationException refused) {
      return shown(FieldProblems.refusal(refused), call);
    }
  }

  private static Object shown(RuleViolation refused, InvocationContext call) {
    String form = formOf(call);
    if (form.isEmpty()) {
      Messages.error(refused.getMessage());
    } else {
      Messages.refused(refused, form);
    }
    return null;
  }

  private static String formOf(InvocationContext call) {
    ShowsRuleViolations onMethod = call.getMethod().getAnnotation(ShowsRuleViolations.class);
    if (onMethod != null) {
      return onMethod.form();
    }
    for (Class<?> type = call.getTarget().getClass(); type != null; type = type.getSuperclass()) {
      ShowsRuleViolations onType = type.getAnnotation(ShowsRuleViolations.class);
      if (onType != null) {
        return onType.form();
      }
    }
    return "";
  }
}
