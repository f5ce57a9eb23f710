package org.aantafel.store.memory;

import io.vertx.core.Future;
import org.aantafel.store.SendQuotas;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link SendQuotas} in memory: what was counted, per key and moment. */
final class MemorySendQuotas implements SendQuotas {
  private final StoreLock lock;
  private final Map<Counted, Integer> used = new HashMap<>();

  private record Counted(String key, Instant at) {}

  MemorySendQuotas(StoreLock lock) {
    this.lock = lock;
  }

  @Override
  public Future<Integer> takeQuotas(List<Quota> quotas, Instant forgetBefore) {
    return lock.atomically(() -> {
      used.keySet().removeIf(counted -> counted.at().isBefore(forgetBefore));
      for (int i = 0; i < quotas.size(); i++) {
        Quota quota = quotas.get(i);
        if (countedSince(quota.key(), quota.countedSince()) + quota.amount() > quota.limit()) {
          return i;
        }
      }
      quotas.forEach(quota -> used.merge(new Counted(quota.key(), quota.at()), quota.amount(), Integer::sum));
      return -1;
    });
  }

  private int countedSince(String key, Instant since) {
    return used.entrySet().stream().filter(e -> e.getKey().key().equals(key) && e.getKey().at().isAfter(since))
        .mapToInt(Map.Entry::getValue).sum();
  }
}
