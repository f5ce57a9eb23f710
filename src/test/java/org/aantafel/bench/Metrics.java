package org.aantafel.bench;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients measure, shared by all their event loops. Latencies are in microseconds. Only submits sent inside
 * the measurement window are recorded, and only acks and deliveries that arrive inside it count for throughput.
 */
final class Metrics {
  /** One submit on its way: when it was sent, when its oldest edit was typed, and how many screens still miss it. */
  private record Sent(long sentNanos, long typedNanos, AtomicInteger missing) {}

  private final Map<String, Sent> sent = new ConcurrentHashMap<>();
  private final Recorder delivery = new Recorder(3);
  private final Recorder typedToDelivery = new Recorder(3);
  private final Recorder ack = new Recorder(3);
  private final LongAdder submits = new LongAdder();
  private final LongAdder acks = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder deliveries = new LongAdder();
  private final LongAdder typed = new LongAdder();
  private final LongAdder transformed = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> lost = new ConcurrentHashMap<>();
  private final int otherScreens;
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;

  Metrics(int clientsPerBoard) {
    this.otherScreens = clientsPerBoard - 1;
  }

  void openWindow(long startNanos, long endNanos) {
    windowEnd = endNanos;
    windowStart = startNanos;
    delivery.reset();
    typedToDelivery.reset();
    ack.reset();
  }

  private boolean inWindow(long nanos) {
    return nanos >= windowStart && nanos < windowEnd;
  }

  void typed() {
    if (inWindow(System.nanoTime())) {
      typed.increment();
    }
  }

  void transformedAgainstPending() {
    if (inWindow(System.nanoTime())) {
      transformed.increment();
    }
  }

  void sent(String clientId, long seq, long typedNanos) {
    long now = System.nanoTime();
    if (otherScreens > 0) {
      sent.put(clientId + ":" + seq, new Sent(now, typedNanos, new AtomicInteger(otherScreens)));
    }
    if (inWindow(now)) {
      submits.increment();
    }
  }

  /** Returns the send time of this submit, or -1 when it is not known. */
  long sentNanos(String clientId, long seq) {
    Sent s = sent.get(clientId + ":" + seq);
    return s == null ? -1 : s.sentNanos();
  }

  void acked(long sentNanos, boolean duplicate) {
    long now = System.nanoTime();
    if (inWindow(now)) {
      acks.increment();
      if (duplicate) {
        duplicates.increment();
      }
    }
    if (sentNanos > 0 && inWindow(sentNanos)) {
      ack.recordValue(Math.max(0, (now - sentNanos) / 1000));
    }
  }

  /** A client received someone else's change on board.<id>.ops. */
  void delivered(String clientId, long seq) {
    long now = System.nanoTime();
    if (inWindow(now)) {
      deliveries.increment();
    }
    String key = clientId + ":" + seq;
    Sent s = sent.get(key);
    if (s == null) {
      return;
    }
    if (inWindow(s.sentNanos())) {
      delivery.recordValue(Math.max(0, (now - s.sentNanos()) / 1000));
      typedToDelivery.recordValue(Math.max(0, (now - s.typedNanos()) / 1000));
    }
    if (s.missing().decrementAndGet() == 0) {
      sent.remove(key);
    }
  }

  void error(int code) {
    errors.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  void connectionLost(String reason) {
    lost.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  void retry() {
    retries.increment();
  }

  /** Submits some screen has still not received. */
  int undelivered() {
    return sent.size();
  }

  JsonObject report(double measuredSeconds) {
    JsonObject errorCounts = new JsonObject();
    new TreeMap<>(errors).forEach((code, n) -> errorCounts.put(code.toString(), n.sum()));
    JsonObject lostCounts = new JsonObject();
    new TreeMap<>(lost).forEach((reason, n) -> lostCounts.put(reason, n.sum()));
    return new JsonObject()
      .put("measuredSeconds", measuredSeconds)
      .put("deliveryLatencyMs", summary(delivery.getIntervalHistogram()))
      .put("typedToDeliveryLatencyMs", summary(typedToDelivery.getIntervalHistogram()))
      .put("ackLatencyMs", summary(ack.getIntervalHistogram()))
      .put("editsTyped", typed.sum())
      .put("submitsSent", submits.sum())
      .put("acks", acks.sum())
      .put("duplicateAcks", duplicates.sum())
      .put("deliveries", deliveries.sum())
      .put("remoteEditsTransformedAgainstPending", transformed.sum())
      .put("retries", retries.sum())
      .put("errorsByCode", errorCounts)
      .put("connectionsLost", lostCounts)
      .put("typedEditsPerSecond", round(typed.sum() / measuredSeconds))
      .put("ackedSubmitsPerSecond", round(acks.sum() / measuredSeconds))
      .put("deliveriesPerSecond", round(deliveries.sum() / measuredSeconds));
  }

  static JsonObject summary(Histogram h) {
    return new JsonObject()
      .put("count", h.getTotalCount())
      .put("p50", ms(h.getValueAtPercentile(50)))
      .put("p90", ms(h.getValueAtPercentile(90)))
      .put("p99", ms(h.getValueAtPercentile(99)))
      .put("p999", ms(h.getValueAtPercentile(99.9)))
      .put("max", ms(h.getMaxValue()))
      .put("mean", round(h.getMean() / 1000.0));
  }

  private static double ms(long micros) {
    return round(micros / 1000.0);
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
