package org.aantafel.bench;

import io.vertx.core.json.JsonObject;
import io.vertx.core.json.JsonArray;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients measure, shared by all their event loops. Latencies are in microseconds. Only submits sent inside
 * the measurement window are recorded, and only acks and deliveries that arrive inside it count for throughput. The
 * latencies are also summarized per interval of the window ({@link #closeInterval}), for a soak's p99 per five
 * minutes.
 */
final class Metrics {
  /** One submit on its way: when it was sent, when its oldest edit was typed, and how many screens still miss it. */
  private record Sent(long sentNanos, long typedNanos, AtomicInteger missing) {}

  private final Map<String, Sent> sent = new ConcurrentHashMap<>();
  private final IntervalLatency delivery = new IntervalLatency();
  private final IntervalLatency typedToDelivery = new IntervalLatency();
  private final IntervalLatency ack = new IntervalLatency();
  /** Only the reading thread (the benchmark's main thread) closes intervals. */
  private final JsonArray intervals = new JsonArray();
  private final LongAdder submits = new LongAdder();
  private final LongAdder acks = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder deliveries = new LongAdder();
  private final LongAdder typed = new LongAdder();
  private final LongAdder transformed = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder leaves = new LongAdder();
  private final LongAdder returns = new LongAdder();
  private final LongAdder caughtUp = new LongAdder();
  private final LongAdder fullStateRejoins = new LongAdder();
  private final LongAdder cutOffByLeaving = new LongAdder();
  private final IntervalLatency rejoin = new IntervalLatency();
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
    rejoin.reset();
    intervals.clear();
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

  /**
   * A submit written to the socket. Sent again (a retry, or after coming back), it keeps the count of screens that
   * still miss it, since some may have it already, and is timed from this send.
   */
  void sent(String clientId, long seq, long typedNanos) {
    long now = System.nanoTime();
    if (otherScreens > 0) {
      sent.compute(clientId + ":" + seq, (key, before) ->
        new Sent(now, typedNanos, before == null ? new AtomicInteger(otherScreens) : before.missing()));
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
      ack.record((now - sentNanos) / 1000);
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
      delivery.record((now - s.sentNanos()) / 1000);
      typedToDelivery.record((now - s.typedNanos()) / 1000);
    }
    arrived(key, s);
  }

  /**
   * A client that was away got someone else's change in its catch-up on coming back: that screen has it now, but
   * how long it took is the time the person was away, not a latency of the server, so it is counted, not timed.
   */
  void caughtUp(String clientId, long seq) {
    caughtUp.increment();
    String key = clientId + ":" + seq;
    Sent s = sent.get(key);
    if (s != null) {
      arrived(key, s);
    }
  }

  private void arrived(String key, Sent s) {
    if (s.missing().decrementAndGet() == 0) {
      sent.remove(key);
    }
  }

  /** A client left (closed its socket on purpose, as a person closing the laptop). */
  void left() {
    leaves.increment();
  }

  /** A submit in flight when its client left; it is sent again on coming back, not counted as an error. */
  void cutOffByLeaving() {
    cutOffByLeaving.increment();
  }

  /** A client that was away is back: socket open, joined, caught up; timed from opening the socket. */
  void returned(long openedNanos, boolean fullState) {
    returns.increment();
    if (fullState) {
      fullStateRejoins.increment();
    }
    if (inWindow(openedNanos)) {
      rejoin.record((System.nanoTime() - openedNanos) / 1000);
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

  /**
   * Summarizes the latencies recorded since the previous interval closed (by arrival time): {endSeconds (since the
   * window opened), deliveryLatencyMs, ackLatencyMs, errorsByCode (so far)}. Only from the reading thread.
   */
  JsonObject closeInterval() {
    JsonObject interval = new JsonObject()
      .put("endSeconds", round((System.nanoTime() - windowStart) / 1e9))
      .put("deliveryLatencyMs", delivery.closeInterval())
      .put("typedToDeliveryLatencyMs", typedToDelivery.closeInterval())
      .put("ackLatencyMs", ack.closeInterval())
      .put("errorsByCode", errorCounts());
    intervals.add(interval);
    return interval;
  }

  private JsonObject errorCounts() {
    JsonObject errorCounts = new JsonObject();
    new TreeMap<>(errors).forEach((code, n) -> errorCounts.put(code.toString(), n.sum()));
    return errorCounts;
  }

  /** The whole window; the last interval closes here. Only from the reading thread. */
  JsonObject report(double measuredSeconds) {
    closeInterval();
    JsonObject lostCounts = new JsonObject();
    new TreeMap<>(lost).forEach((reason, n) -> lostCounts.put(reason, n.sum()));
    return new JsonObject()
      .put("measuredSeconds", measuredSeconds)
      .put("deliveryLatencyMs", delivery.summary())
      .put("typedToDeliveryLatencyMs", typedToDelivery.summary())
      .put("ackLatencyMs", ack.summary())
      .put("intervals", intervals.copy())
      .put("editsTyped", typed.sum())
      .put("submitsSent", submits.sum())
      .put("acks", acks.sum())
      .put("duplicateAcks", duplicates.sum())
      .put("deliveries", deliveries.sum())
      .put("remoteEditsTransformedAgainstPending", transformed.sum())
      .put("retries", retries.sum())
      .put("errorsByCode", errorCounts())
      .put("connectionsLost", lostCounts)
      .put("leaving", new JsonObject().put("leaves", leaves.sum()).put("returns", returns.sum())
        .put("catchUpChanges", caughtUp.sum()).put("fullStateRejoins", fullStateRejoins.sum())
        .put("submitsCutOffByLeaving", cutOffByLeaving.sum()).put("rejoinLatencyMs", rejoin.summary()))
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
