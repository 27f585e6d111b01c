package org.myochart.platform.validation;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;

/**
 * Wraps the Bean Validation method interceptor (priority PLATFORM_AFTER + 800), so it sees that
 * interceptor's refusal and rethrows it as a rule violation with one message per field.
 */
@RefusesInvalidInput
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class InvalidInputRefusal implements Serializable {

  @AroundInvoke
  public Object refuse(InvocationContext call) throws Exception {
    try {
      return call.proceed();
    } catch (ConstraintViolationException refused) {
      throw FieldProblems.refusal(refused);
    }
  }
}
