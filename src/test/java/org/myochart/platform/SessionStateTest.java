package org.myochart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.myochart.security.KioskSession;
import org.myochart.security.SignedInStaff;
import org.myochart.staff.Role;

/**
 * With several instances, Payara copies each HTTP session to the others through Hazelcast, by Java
 * serialization. Whatever a session holds must survive that: the page beans Faces keeps in it, and
 * MyoChart's own session attributes. Injected services must be serializable proxies (normal
 * scopes), not transient fields, which would be null on the instance that takes over.
 */
class SessionStateTest {

  private static final List<Class<? extends java.lang.annotation.Annotation>> NORMAL_SCOPES =
      List.of(ApplicationScoped.class, RequestScoped.class, SessionScoped.class);

  @Test
  void everyPageBeanKeepsOnlySerializableState() throws Exception {
    List<Class<?>> beans = sessionHeldBeans();
    assertTrue(beans.size() > 10, "the page beans were not found: " + beans);
    List<String> problems = new ArrayList<>();
    for (Class<?> bean : beans) {
      if (!Serializable.class.isAssignableFrom(bean)) {
        problems.add(bean.getName() + " is not Serializable");
      }
      for (Field field : fieldsOf(bean)) {
        if (field.isAnnotationPresent(Inject.class)) {
          checkInjected(bean, field, problems);
        } else {
          checkType(
              bean.getSimpleName() + "." + field.getName(),
              field.getGenericType(),
              new HashSet<>(),
              problems);
        }
      }
    }
    assertEquals(List.of(), problems, "state that would not reach another instance");
  }

  @Test
  void aTransientServiceWouldBeLostOnTheOtherInstance() {
    List<String> problems = new ArrayList<>();
    for (Field field : fieldsOf(PageWithTransientService.class)) {
      checkInjected(PageWithTransientService.class, field, problems);
    }
    assertFalse(problems.isEmpty(), "the check must catch a transient injected service");
  }

  @Test
  void theSignInAndTheKioskHandOverSurviveACopy() throws Exception {
    SignedInStaff staff =
        new SignedInStaff(7, "therapist1", "Tess Therapist", Role.THERAPIST, "4f1c2d9e-aa01");
    KioskSession kiosk =
        new KioskSession(
            "k-1",
            42,
            KioskSession.Purpose.CONSENT,
            List.of(3L, 4L),
            "frontdesk",
            Instant.parse("2026-01-05T09:00:00Z"),
            false);
    assertEquals(staff, copied(staff));
    assertEquals(kiosk, copied(kiosk));
  }

  private static void checkInjected(Class<?> bean, Field field, List<String> problems) {
    String name = bean.getSimpleName() + "." + field.getName();
    if (Modifier.isTransient(field.getModifiers())) {
      problems.add(
          name + " is an injected transient field: it would be null after the session moves");
    }
    Class<?> type = field.getType();
    boolean proxied =
        NORMAL_SCOPES.stream().anyMatch(type::isAnnotationPresent)
            || type.getName().startsWith("jakarta.servlet.");
    if (!proxied && !Serializable.class.isAssignableFrom(type)) {
      problems.add(
          name
              + " injects "
              + type.getSimpleName()
              + ", which is neither normal-scoped nor Serializable");
    }
  }

  /**
   * Follows a field's declared type into MyoChart's own classes and the type arguments of
   * collections.
   */
  private static void checkType(String path, Type type, Set<Type> seen, List<String> problems) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof ParameterizedType parameterized) {
      checkType(path, parameterized.getRawType(), seen, problems);
      for (Type argument : parameterized.getActualTypeArguments()) {
        checkType(path + "<>", argument, seen, problems);
      }
      return;
    }
    if (type instanceof GenericArrayType array) {
      checkType(path + "[]", array.getGenericComponentType(), seen, problems);
      return;
    }
    if (!(type instanceof Class<?> cls)) {
      return; // type variables and wildcards: their bounds are checked where they are used
    }
    if (cls.isArray()) {
      checkType(path + "[]", cls.getComponentType(), seen, problems);
      return;
    }
    if (cls.isPrimitive() || cls == Object.class) {
      return;
    }
    boolean own = cls.getName().startsWith("org.myochart.");
    if (cls.isInterface() && !own) {
      // List, Map, Set: the usual implementations are serializable, their elements are checked.
      return;
    }
    if (!Serializable.class.isAssignableFrom(cls)) {
      problems.add(path + " holds " + cls.getName() + ", which is not Serializable");
      return;
    }
    if (own && !cls.isEnum()) {
      for (Field field : fieldsOf(cls)) {
        if (field.isAnnotationPresent(Inject.class)) {
          // A page bean reached through another object (a table model's link to its page):
          // its services are proxies, as in the page itself.
          checkInjected(cls, field, problems);
        } else {
          checkType(path + "." + field.getName(), field.getGenericType(), seen, problems);
        }
      }
    }
  }

  private static List<Field> fieldsOf(Class<?> cls) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        boolean skipped =
            Modifier.isStatic(field.getModifiers())
                || (Modifier.isTransient(field.getModifiers())
                    && !field.isAnnotationPresent(Inject.class))
                || field.isSynthetic()
                || field
                    .getName()
                    .startsWith("_persistence_"); // EclipseLink weaving, rebuilt on load
        if (!skipped) {
          fields.add(field);
        }
      }
    }
    return fields;
  }

  private static List<Class<?>> sessionHeldBeans() throws IOException, URISyntaxException {
    Path classes =
        Path.of(NotPresentHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path main = classes.getParent().resolve("classes");
    List<Class<?>> beans = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main.resolve("org/myochart"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            main.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        try {
          Class<?> cls = Class.forName(name, false, SessionStateTest.class.getClassLoader());
          if (cls.isAnnotationPresent(ViewScoped.class)
              || cls.isAnnotationPresent(SessionScoped.class)) {
            beans.add(cls);
          }
        } catch (ClassNotFoundException | LinkageError e) {
          // not loadable on the test class path; such classes are not page beans
        }
      }
    }
    return beans;
  }

  private static Object copied(Object value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }

  /** Locates the test classes directory; its sibling holds the application's classes. */
  private static final class NotPresentHolder {}

  @ViewScoped
  static class PageWithTransientService implements Serializable {
    @Inject transient org.myochart.client.Clients clients;
  }
}
