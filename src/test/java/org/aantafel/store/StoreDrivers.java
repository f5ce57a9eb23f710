package org.aantafel.store;

import io.vertx.core.Vertx;
import org.aantafel.store.memory.InMemoryStore;
import org.aantafel.testsupport.TestDatabase;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.aantafel.store.StoreFixtures.await;

/**
 * The drivers every contract test runs on, one {@link BoardStore} each: PostgreSQL (a fresh database of the test
 * JVM's embedded server) and the in-memory store the hub and API tests use, so that the two cannot drift. They are
 * opened once for the whole test run and closed at its end; each test works on boards of its own.
 */
final class StoreDrivers implements ArgumentsProvider {

  @Override
  public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
    Opened opened = context.getRoot().getStore(ExtensionContext.Namespace.create(StoreDrivers.class))
        .getOrComputeIfAbsent(Opened.class, type -> new Opened(), Opened.class);
    return Stream.of(Arguments.of(Named.of("PostgreSQL", opened.postgres)),
        Arguments.of(Named.of("in memory", opened.memory)));
  }

  private static final class Opened implements ExtensionContext.Store.CloseableResource {
    private final Vertx vertx = Vertx.vertx();
    private final BoardStore memory = new InMemoryStore();
    private final BoardStore postgres;

    Opened() {
      try {
        postgres = await(Stores.open(vertx, TestDatabase.freshConfig().url(), Path.of("target", "unused-data-dir")));
      } catch (Exception e) {
        vertx.close();
        throw new IllegalStateException("could not open the PostgreSQL store", e);
      }
    }

    @Override
    public void close() throws Exception {
      await(memory.close());
      await(postgres.close());
      await(vertx.close());
    }
  }
}
