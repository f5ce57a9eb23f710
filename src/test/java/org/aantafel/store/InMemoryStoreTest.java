package org.aantafel.store;

import io.vertx.core.Vertx;
import org.aantafel.store.memory.InMemoryStore;

/** The contract on the in-memory store the hub and API tests run on. */
class InMemoryStoreTest extends BoardStoreContractTest {

  @Override
  protected BoardStore open(Vertx vertx) {
    return new InMemoryStore();
  }
}
