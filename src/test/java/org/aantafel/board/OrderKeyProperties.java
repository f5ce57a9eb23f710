package org.aantafel.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class OrderKeyProperties {

  @Property(tries = 200)
  void randomInsertsKeepATotalOrder(@ForAll long seed) {
    Random random = new Random(seed);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int at = random.nextInt(keys.size() + 1);
      String before = at == 0 ? null : keys.get(at - 1);
      String after = at == keys.size() ? null : keys.get(at);
      String key = OrderKey.between(before, after);
      assertTrue(OrderKey.isValid(key), key);
      assertTrue(before == null || before.compareTo(key) < 0, () -> before + " < " + key);
      assertTrue(after == null || key.compareTo(after) < 0, () -> key + " < " + after);
      keys.add(at, key);
    }
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    assertEquals(sorted, keys);
    // 200 random inserts halve an interval at most 200 times; base 62 needs far fewer digits than that.
    assertTrue(keys.stream().allMatch(k -> k.length() <= 40), () -> "long keys: " + keys);
  }

  @Property(tries = 20)
  void keysStayShortAtTheEnds(@ForAll boolean atTheEnd) {
    String key = OrderKey.between(null, null);
    for (int i = 0; i < 10_000; i++) {
      String next = atTheEnd ? OrderKey.between(key, null) : OrderKey.between(null, key);
      assertTrue(atTheEnd ? key.compareTo(next) < 0 : next.compareTo(key) < 0);
      key = next;
    }
    assertTrue(key.length() <= 4, key);
  }

  @Property(tries = 200)
  void repeatedInsertsAfterOneKeyGrowSlowly(@ForAll long seed) {
    Random random = new Random(seed);
    String low = OrderKey.between(null, null);
    String high = OrderKey.between(low, null);
    for (int i = 0; i < 50; i++) {
      String mid = OrderKey.between(low, high);
      assertTrue(low.compareTo(mid) < 0 && mid.compareTo(high) < 0);
      if (random.nextBoolean()) {
        low = mid;
      } else {
        high = mid;
      }
    }
    assertTrue(low.length() <= 40 && high.length() <= 40);
  }
}
