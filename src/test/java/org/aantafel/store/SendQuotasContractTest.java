package org.aantafel.store;

import org.aantafel.store.SendQuotas.Quota;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.aantafel.store.StoreFixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link SendQuotas} driver must do: count all quotas or none, over a window that slides. */
class SendQuotasContractTest {
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
  private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void quotasAreTakenAllOrNothing(BoardStore store) throws Exception {
    String key = "board:" + UUID.randomUUID();
    String server = "server:" + UUID.randomUUID();
    Instant now = Instant.parse("2026-12-07T12:00:00Z");
    assertEquals(-1, take(store, LONG_AGO, over(key, now, 2, 1), over(server, now, 5, 3)));
    assertEquals(1, take(store, LONG_AGO, over(key, now, 2, 1), over(server, now, 5, 3)),
        "the server's quota is full, so the board's is not counted either");
    assertEquals(-1, take(store, LONG_AGO, over(key, now, 2, 1), over(server, now, 5, 2)));
    assertEquals(0, take(store, LONG_AGO, over(key, now, 2, 1)));
    assertEquals(0, take(store, LONG_AGO, over("other:" + UUID.randomUUID(), now, 99, 100)), "more than a limit");
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void theWindowSlidesWithTheRequestInsteadOfStartingOnTheClock(BoardStore store) throws Exception {
    String key = "seat:" + UUID.randomUUID();
    // Two requests a second apart on either side of a clock-aligned boundary (12:10:00): one window, one pass.
    Instant justBefore = Instant.parse("2026-12-07T12:09:59.500Z");
    assertEquals(-1, take(store, LONG_AGO, over(key, justBefore, 1, 1)));
    assertEquals(0, take(store, LONG_AGO, over(key, justBefore.plusSeconds(1), 1, 1)), "across the boundary");
    assertEquals(0, take(store, LONG_AGO, over(key, justBefore.plus(TEN_MINUTES).minusMillis(1), 1, 1)),
        "the window's last instant");
    assertEquals(-1, take(store, LONG_AGO, over(key, justBefore.plus(TEN_MINUTES), 1, 1)),
        "once the first count has left the window");
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void countsMadeBeforeTheForgettingInstantAreRemoved(BoardStore store) throws Exception {
    String key = "board:" + UUID.randomUUID();
    Instant now = Instant.parse("2026-12-07T12:00:00Z");
    Quota aDay = Quota.over(Duration.ofDays(1), key, now, 1, 1);
    assertEquals(-1, take(store, LONG_AGO, aDay));
    assertEquals(0, take(store, LONG_AGO, aDay));
    assertEquals(-1, take(store, now.plusSeconds(1), aDay), "a count older than what is kept is forgotten");
  }

  private static Quota over(String key, Instant now, int limit, int amount) {
    return Quota.over(TEN_MINUTES, key, now, limit, amount);
  }

  private static int take(BoardStore store, Instant forgetBefore, Quota... quotas) throws Exception {
    return await(store.takeQuotas(List.of(quotas), forgetBefore));
  }
}
