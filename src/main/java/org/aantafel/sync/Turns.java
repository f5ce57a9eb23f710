package org.aantafel.sync;

import io.vertx.core.Future;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One board's steps (joins, submits, close, reopen, delete), one after the other in arrival order, even when a step
 * waits for the store. A step has two moments: when it has changed the board, the next step may start; when it is
 * done (typically: durable), its caller hears the answer. A refused step changes nothing and holds up nobody.
 */
final class Turns {

  /** What a step has done to the board, and the answer its caller will get once that is done for good. */
  record Applied<T>(Future<T> answer) {
    static <T> Applied<T> answer(Future<T> answer) {
      return new Applied<>(answer);
    }

    static <T> Applied<T> now(T answer) {
      return new Applied<>(Future.succeededFuture(answer));
    }
  }

  private final Supplier<RuntimeException> refusal;
  private final BooleanSupplier open;
  private Future<?> tail = Future.succeededFuture();

  /** @param open whether steps may still run; when it turns false, every later step fails with {@code refusal} */
  Turns(BooleanSupplier open, Supplier<RuntimeException> refusal) {
    this.open = open;
    this.refusal = refusal;
  }

  <T> Future<T> take(Supplier<Future<Applied<T>>> step) {
    Future<Applied<T>> applied = tail.transform(previous -> {
      if (!open.getAsBoolean()) {
        return Future.failedFuture(refusal.get());
      }
      try {
        return step.get();
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    });
    tail = applied.otherwiseEmpty();
    return applied.compose(Applied::answer);
  }
}
