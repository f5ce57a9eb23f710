package org.aantafel.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** For a test's {@link java.lang.reflect.Proxy} around a real object (a store that notes or holds back calls). */
public final class Invocations {

  /** Calls the method on the real object; what it throws is thrown as it is. */
  public static Object invoke(Method method, Object target, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private Invocations() {
  }
}
