package org.aantafel.store;

import org.aantafel.store.SendQuotas.Quota;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.aantafel.store.StoreFixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link SendQuotas} driver must do: count all quotas or none. */
class SendQuotasContractTest {

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void quotasAreTakenAllOrNothingPerKeyAndPeriod(BoardStore store) throws Exception {
    String key = "board:" + UUID.randomUUID();
    String server = "server:" + UUID.randomUUID();
    Instant today = Instant.parse("2026-12-07T00:00:00Z");
    Instant tomorrow = today.plusSeconds(86_400);
    Instant longAgo = Instant.parse("2000-01-01T00:00:00Z");
    assertEquals(-1, await(store.takeQuotas(List.of(new Quota(key, today, 2, 1), new Quota(server, today, 5, 3)),
        longAgo)));
    assertEquals(1, await(store.takeQuotas(List.of(new Quota(key, today, 2, 1), new Quota(server, today, 5, 3)),
        longAgo)), "the server's quota is full, so the board's is not counted either");
    assertEquals(-1, await(store.takeQuotas(List.of(new Quota(key, today, 2, 1), new Quota(server, today, 5, 2)),
        longAgo)));
    assertEquals(0, await(store.takeQuotas(List.of(new Quota(key, today, 2, 1)), longAgo)));
    assertEquals(-1, await(store.takeQuotas(List.of(new Quota(key, tomorrow, 2, 2)), longAgo)), "a new period");
    assertEquals(0, await(store.takeQuotas(List.of(new Quota(key, today, 99, 100)), longAgo)), "more than a limit");
    assertEquals(-1, await(store.takeQuotas(List.of(new Quota(key, today, 2, 1)), tomorrow)),
        "a past period's count is forgotten");
  }
}
