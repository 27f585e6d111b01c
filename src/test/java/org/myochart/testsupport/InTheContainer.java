package org.myochart.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that runs inside the one Payara Micro of the test run ({@link OneContainer}).
 * Integration test classes run concurrently; Arquillian drives one class at a time, so these take
 * turns with each other while the tests over HTTP and in browsers go on beside them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ArquillianExtension.class)
@ResourceLock(InTheContainer.ONE_CLASS_AT_A_TIME)
public @interface InTheContainer {

  /** The lock the container's classes share. */
  String ONE_CLASS_AT_A_TIME = "arquillian";
}
