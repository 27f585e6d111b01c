package org.myochart.platform.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.myochart.platform.RuleViolation;

/**
 * Constraint violations as the clinic reports them: field name to one message, in the order the
 * fields are declared (a method's parameters, then a record's components), so that pages mark each
 * field and the API answers {@code {"fields": {...}}}. Where a field breaks several constraints,
 * the one a person must fix first wins: missing, then too long or unstorable, then the rest.
 */
public final class FieldProblems {

  private FieldProblems() {}

  public static RuleViolation refusal(ConstraintViolationException refused) {
    return refusal(refused.getConstraintViolations());
  }

  public static RuleViolation refusal(Collection<? extends ConstraintViolation<?>> violations) {
    return RuleViolation.invalidFields(of(violations));
  }

  public static Map<String, String> of(Collection<? extends ConstraintViolation<?>> violations) {
    List<ConstraintViolation<?>> sorted =
        violations.stream()
            .<ConstraintViolation<?>>map(v -> v)
            .sorted(
                Comparator.<ConstraintViolation<?>>comparingInt(FieldProblems::parameterIndex)
                    .thenComparingInt(FieldProblems::declarationIndex)
                    .thenComparing(FieldProblems::field)
                    .thenComparingInt(FieldProblems::urgency)
                    .thenComparing(ConstraintViolation::getMessage))
            .toList();
    Map<String, String> problems = new LinkedHashMap<>();
    sorted.forEach(v -> problems.putIfAbsent(field(v), v.getMessage()));
    return problems;
  }

  /**
   * The form field a violation belongs to: the outermost property ({@code medications} for a
   * medication's name), or the parameter itself when it is plain text or a number.
   */
  static String field(ConstraintViolation<?> violation) {
    String parameter = "";
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PROPERTY) {
        return node.getName();
      }
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
      }
    }
    return parameter;
  }

  private static int parameterIndex(ConstraintViolation<?> violation) {
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PARAMETER) {
        return node.as(Path.ParameterNode.class).getParameterIndex();
      }
    }
    return -1;
  }

  private static int declarationIndex(ConstraintViolation<?> violation) {
    int parameter = parameterIndex(violation);
    Object bean =
        parameter < 0 ? violation.getRootBean() : violation.getExecutableParameters()[parameter];
    if (bean == null) {
      return 0;
    }
    int at = declared(bean.getClass()).indexOf(field(violation));
    return at < 0 ? Integer.MAX_VALUE : at;
  }

  /**
   * A record's components in the order written; {@code getDeclaredFields} promises no order, and
   * inside the container it does not keep it.
   */
  private static List<String> declared(Class<?> type) {
    if (type.isRecord()) {
      return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
    return Arrays.stream(type.getDeclaredFields()).map(Field::getName).toList();
  }

  private static int urgency(ConstraintViolation<?> violation) {
    Class<? extends Annotation> type =
        violation.getConstraintDescriptor().getAnnotation().annotationType();
    if (type == Required.class || type == NotNull.class || type == WholeNumber.class) {
      return 0;
    }
    if (type == Text.class || type == PersonName.class) {
      return 1;
    }
    return 2;
  }
}
