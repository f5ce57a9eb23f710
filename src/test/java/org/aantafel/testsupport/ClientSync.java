package org.aantafel.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aantafel.board.BoardState;
import org.aantafel.board.Op;
import org.aantafel.board.OpTransform;

/**
 * The Java twin of the browser's BoardSync (webroot/js/sync/board-sync.js), line for line, for the Java clients of
 * the tests (the convergence simulation, the load benchmark): the state confirmed at {@code rev}, one submit in
 * flight, a buffer, and committed revisions applied in order. ClientSyncTracesTest and
 * src/test/js/client-sync-traces.test.js replay the same recorded calls through both and expect the same results,
 * so what the Java clients prove holds for the client that ships.
 */
public final class ClientSync {

  /** A committed revision as published on board.{id}.ops (or listed in a catch-up). */
  public record Committed(long rev, String clientId, long seq, List<Op> ops) {
    public static Committed fromMap(Map<String, ?> message) {
      return new Committed(((Number) message.get("rev")).longValue(), (String) message.get("clientId"),
          ((Number) message.get("seq")).longValue(), Op.listFromMaps((List<?>) message.get("ops")));
    }
  }

  /** A revision applied: {@code ops} is what it changed in the shown state; none for our own. */
  public record Applied(long rev, List<Op> ops, boolean own) {
  }

  public record Submit(String clientId, long seq, long baseRev, List<Op> ops) {
  }

  private static final class Inflight {
    final long seq;
    List<Op> ops;
    long ackRev;

    Inflight(long seq, List<Op> ops) {
      this.seq = seq;
      this.ops = ops;
    }
  }

  public final String clientId;
  private long seq;
  private long rev;
  private BoardState confirmed;
  private BoardState state;
  private Inflight inflight;
  private List<Op> buffer;
  private final TreeMap<Long, Committed> early = new TreeMap<>();
  private long heardRev;

  public ClientSync(String clientId, long seq) {
    this.clientId = clientId;
    this.seq = seq;
    load(0, BoardState.fromMap(Map.of("board", Map.of(), "entities", Map.of())));
  }

  /** Replaces everything with a fresh full state (join, or roll back after a refusal). */
  public void load(long rev, BoardState state) {
    this.rev = rev;
    this.confirmed = state.copy();
    this.state = state.copy();
    this.inflight = null;
    this.buffer = new ArrayList<>();
    this.early.clear();
    this.heardRev = rev;
  }

  /** As BoardSync.heardOf: the server said the board is at this revision (a heartbeat's answer). */
  public void heardOf(long serverRev) {
    heardRev = Math.max(heardRev, serverRev);
  }

  public long rev() {
    return rev;
  }

  public long lastSeq() {
    return seq;
  }

  /** The shown state: confirmed plus pending. Callers must not change it. */
  public BoardState state() {
    return state;
  }

  public BoardState confirmed() {
    return confirmed;
  }

  public int unsavedCount() {
    return (inflight == null ? 0 : inflight.ops.size()) + buffer.size();
  }

  public boolean hasInflight() {
    return inflight != null;
  }

  public long inflightSeq() {
    return inflight == null ? 0 : inflight.seq;
  }

  public String status() {
    if (inflight == null) {
      return "synchronized";
    }
    return buffer.isEmpty() ? "awaiting-confirm" : "awaiting-with-buffer";
  }

  public boolean hasGap() {
    return !early.isEmpty() || (inflight != null && inflight.ackRev > rev) || heardRev > rev;
  }

  /** Applies local ops at once and queues them. */
  public void local(List<Op> ops) {
    state.applyCommitted(ops);
    ops.forEach(this::bufferOp);
  }

  /** The submit to send now, or null when one is in flight or nothing waits. */
  public Submit takeSubmit() {
    if (inflight != null || buffer.isEmpty()) {
      return null;
    }
    inflight = new Inflight(++seq, buffer);
    buffer = new ArrayList<>();
    return inflightSubmit();
  }

  /** The in-flight submit again, rebased on the current revision; null once acknowledged. */
  public Submit inflightSubmit() {
    if (inflight == null || inflight.ackRev != 0) {
      return null;
    }
    return new Submit(clientId, inflight.seq, rev, List.copyOf(inflight.ops));
  }

  /** The reply to our submit: it names the revision to wait for, which carries the ops as applied. */
  public List<Applied> acknowledged(long seq, long replyRev) {
    if (inflight == null || inflight.seq != seq) {
      return List.of();
    }
    if (replyRev <= rev) {
      // Committed before revisions we already applied: the confirmed state holds our ops already.
      inflight = null;
      recompute();
      return List.of(new Applied(rev, List.of(), true));
    }
    inflight.ackRev = replyRev;
    return drain();
  }

  public List<Applied> committed(Committed message) {
    if (message.rev() <= rev) {
      return List.of();
    }
    early.put(message.rev(), message);
    return drain();
  }

  /** Forgets the submit in flight and everything buffered (the server refused it). */
  public void dropPending() {
    inflight = null;
    buffer = new ArrayList<>();
    state = confirmed.copy();
  }

  private List<Applied> drain() {
    List<Applied> applied = new ArrayList<>();
    Committed message;
    while ((message = early.remove(rev + 1)) != null) {
      rev = message.rev();
      if (inflight != null && clientId.equals(message.clientId()) && message.seq() == inflight.seq) {
        confirmed.applyCommitted(message.ops());
        inflight = null;
        recompute();
        applied.add(new Applied(rev, List.of(), true));
      } else {
        applied.add(new Applied(rev, applyRemote(message.ops()), false));
      }
    }
    return applied;
  }

  private List<Op> applyRemote(List<Op> ops) {
    confirmed.applyCommitted(ops);
    List<Op> remote = ops;
    if (inflight != null) {
      List<List<Op>> t = OpTransform.transformClient(inflight.ops, remote);
      inflight.ops = t.get(0);
      remote = t.get(1);
    }
    if (!buffer.isEmpty()) {
      List<List<Op>> t = OpTransform.transformClient(buffer, remote);
      buffer = new ArrayList<>(t.get(0));
      remote = t.get(1);
    }
    recompute();
    return remote;
  }

  private void recompute() {
    state = confirmed.copy();
    if (inflight != null) {
      state.applyCommitted(inflight.ops);
    }
    state.applyCommitted(buffer);
  }

  // Consecutive keystrokes on one field become one text op, as in the browser.
  private void bufferOp(Op op) {
    Op last = buffer.isEmpty() ? null : buffer.get(buffer.size() - 1);
    if (op instanceof Op.Text text && last instanceof Op.Text previous && previous.id().equals(text.id())
        && previous.field().equals(text.field())) {
      buffer.set(buffer.size() - 1, new Op.Text(previous.id(), previous.field(), previous.edit().compose(text.edit())));
    } else {
      buffer.add(op);
    }
  }
}
