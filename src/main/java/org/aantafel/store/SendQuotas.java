package org.aantafel.store;

import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Counters of e-mail sent over a sliding window (per board in 24 hours, per seat in ten minutes, per server in 24
 * hours...), kept in the store so that every node of a cluster and every restart sees the same counts. A window slides
 * with the request instead of starting at midnight or on the clock's tens of minutes: a limit aligned to the clock lets
 * twice its amount through on either side of a boundary.
 */
public interface SendQuotas {

  /**
   * @param key          what is counted, e.g. "board:{id}"; never an e-mail address or other text someone typed
   * @param countedSince what was counted under this key after this instant counts against the limit
   * @param at           when this request is counted (the moment it arrived)
   * @param limit        the most the window may count
   * @param amount       how much this request adds
   */
  record Quota(String key, Instant countedSince, Instant at, int limit, int amount) {

    /** A limit over the {@code window} that ends {@code now}. */
    public static Quota over(Duration window, String key, Instant now, int limit, int amount) {
      return new Quota(key, now.minus(window), now, limit, amount);
    }
  }

  /**
   * Counts all the quotas or none, at once: two requests at the same moment never both pass a limit that only one of
   * them fits in. Counts made before {@code forgetBefore} are removed.
   *
   * @return -1 when every quota was counted, else the index of a quota that is full (nothing was counted)
   */
  Future<Integer> takeQuotas(List<Quota> quotas, Instant forgetBefore);
}
