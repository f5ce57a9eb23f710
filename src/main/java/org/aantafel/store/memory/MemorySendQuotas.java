package org.aantafel.store.memory;

import io.vertx.core.Future;
import org.aantafel.store.SendQuotas;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link SendQuotas} in memory: what was counted, per key and period. */
final class MemorySendQuotas implements SendQuotas {
  private final StoreLock lock;
  private final Map<Counted, Integer> used = new HashMap<>();

  private record Counted(String key, Instant periodStart) {}

  MemorySendQuotas(StoreLock lock) {
    this.lock = lock;
  }

  @Override
  public Future<Integer> takeQuotas(List<Quota> quotas, Instant forgetBefore) {
    return lock.atomically(() -> {
      used.keySet().removeIf(counted -> counted.periodStart().isBefore(forgetBefore));
      for (int i = 0; i < quotas.size(); i++) {
        Quota quota = quotas.get(i);
        if (used.getOrDefault(new Counted(quota.key(), quota.periodStart()), 0) + quota.amount() > quota.limit()) {
          return i;
        }
      }
      quotas.forEach(quota -> used.merge(new Counted(quota.key(), quota.periodStart()), quota.amount(),
          Integer::sum));
      return -1;
    });
  }
}
