package org.aantafel.store;

import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;

/**
 * Counters of e-mail sent per period (per board and day, per seat and ten minutes, per server and day...), kept in the
 * store so that every node of a cluster and every restart sees the same counts.
 */
public interface SendQuotas {

  /**
   * @param key         what is counted, e.g. "board:{id}"; never an e-mail address or other text someone typed
   * @param periodStart the start of the period the count is for
   * @param limit       the most the period may count
   * @param amount      how much this request adds
   */
  record Quota(String key, Instant periodStart, int limit, int amount) {}

  /**
   * Counts all the quotas or none, at once: two requests at the same moment never both pass a limit that only one of
   * them fits in. Counts of periods that started before {@code forgetBefore} are removed.
   *
   * @return -1 when every quota was counted, else the index of a quota that is full (nothing was counted)
   */
  Future<Integer> takeQuotas(List<Quota> quotas, Instant forgetBefore);
}
