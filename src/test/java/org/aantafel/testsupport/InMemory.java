package org.aantafel.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link ServerTest} on the in-memory store instead of PostgreSQL: for tests of the hub and the API that do
 * not test storage. A test that needs the data to outlive the JVM, or looks into the database, cannot use it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InMemory {
}
