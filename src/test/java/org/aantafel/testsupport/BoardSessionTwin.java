package org.aantafel.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aantafel.board.BoardRejection;
import org.aantafel.board.BoardState;
import org.aantafel.board.Op;

/**
 * The Java twin of the browser's board session (webroot/js/sync/board-session.js), decision for decision: told of an
 * event (a socket opened, a join answered or failed, an edit, a revision, an ack, a refusal, a timer), it returns the
 * actions to take, and does no I/O itself. BoardSessionTracesTest replays the traces the browser's module recorded
 * (src/test/resources/vectors/board-session-traces.json) and expects the same actions, so the Java clients that drive
 * it (the convergence simulation, FailoverTest) prove the retry, rollback and catch-up policy that ships.
 */
public final class BoardSessionTwin {
  /** -1: timeout or lost socket; 0: no code at all. */
  public static final List<Integer> RETRY_LATER = List.of(-1, 0, 429, 503);
  public static final List<Integer> ROLL_BACK = List.of(400, 403, 404, 409, 413);
  public static final int BEHIND = 410;
  public static final long RETRY_MIN_MILLIS = 2000;
  public static final long RETRY_MAX_MILLIS = 4000;
  public static final long GAP_WAIT_MILLIS = 1500;

  /**
   * One action: {@code decision} is what the browser's module records (its fields that are not objects); the submit
   * to send or the revision applied ride along.
   */
  public record Action(Map<String, Object> decision, ClientSync.Submit submit, ClientSync.Applied applied) {
    public String kind() {
      return (String) decision.get("do");
    }

    public long number(String field) {
      return ((Number) decision.get(field)).longValue();
    }

    /** The join's revision to catch up from, or null for the whole board. */
    public Long sinceRev() {
      return decision.get("sinceRev") instanceof Number n ? n.longValue() : null;
    }

    static Action of(Object... fields) {
      Map<String, Object> decision = new LinkedHashMap<>();
      for (int i = 0; i < fields.length; i += 2) {
        decision.put((String) fields[i], fields[i + 1]);
      }
      return new Action(decision, null, null);
    }
  }

  public final ClientSync sync;
  private final double timeScale;
  private boolean loaded;
  private boolean joined;
  private boolean sending;
  private boolean caughtUpOnSocket;
  private boolean watchingGap;
  private boolean stopped;

  /** @param timeScale shortens every wait (the simulations run meetings of seconds); the decisions stay. */
  public BoardSessionTwin(ClientSync sync, double timeScale) {
    this.sync = sync;
    this.timeScale = timeScale;
  }

  public boolean loaded() {
    return loaded;
  }

  public boolean joined() {
    return joined;
  }

  public boolean sending() {
    return sending;
  }

  public boolean stopped() {
    return stopped;
  }

  /** A socket is open: join. */
  public List<Action> opened() {
    return stopped ? List.of() : List.of(join());
  }

  /** Join again as the same participant (another name or role), if live. */
  public List<Action> rejoin() {
    return joined ? List.of(join()) : List.of();
  }

  /** The socket is gone; the connection keeper opens the next one. */
  public List<Action> lost() {
    joined = false;
    caughtUpOnSocket = false;
    sending = false;
    return List.of();
  }

  /**
   * @param sinceRev what the answered join asked from (null: the whole board)
   * @param reply the join's answer as the wire carries it: rev and state, or rev and ops
   */
  @SuppressWarnings("unchecked")
  public List<Action> joinAnswered(Long sinceRev, Map<String, Object> reply) {
    if (stopped) {
      return List.of();
    }
    List<Action> actions = new ArrayList<>();
    long rev = ((Number) reply.get("rev")).longValue();
    if (reply.get("state") != null) {
      if (sinceRev != null && sync.unsavedCount() > 0) {
        actions.add(Action.of("do", "lostEdits"));
      }
      sync.load(rev, BoardState.fromMap((Map<String, Object>) reply.get("state")));
      loaded = true;
      actions.add(Action.of("do", "reset", "rev", rev));
    } else if (reply.get("ops") instanceof List<?> ops && !ops.isEmpty()) {
      actions.addAll(committed((List<Map<String, Object>>) ops));
    }
    actions.add(Action.of("do", "register"));
    joined = true;
    actions.add(Action.of("do", "joined"));
    actions.addAll(flush());
    // The catch-up of what was published between the join reply and our registration, once a socket.
    if (!caughtUpOnSocket) {
      caughtUpOnSocket = true;
      actions.add(join());
    }
    return actions;
  }

  public List<Action> joinFailed(int code, boolean withSeat, boolean withToken) {
    if (stopped) {
      return List.of();
    }
    if (code == 403 && withSeat && withToken) {
      return List.of(Action.of("do", "forgetSeat"), join());
    }
    if (code == 403 || code == 404) {
      return giveUp(code);
    }
    return List.of(Action.of("do", "reconnect"));
  }

  public List<Action> edited(List<Op> ops) {
    if (ops.isEmpty()) {
      return List.of();
    }
    sync.local(ops);
    return flush();
  }

  /** A message on the board's changes address: a revision, {changes: [...]}, or the board's or seat's end. */
  @SuppressWarnings("unchecked")
  public List<Action> received(Map<String, Object> message) {
    if (stopped) {
      return List.of();
    }
    if (Boolean.TRUE.equals(message.get("deleted"))) {
      return giveUp("deleted");
    }
    if (Boolean.TRUE.equals(message.get("seatRemoved"))) {
      List<Action> actions = new ArrayList<>(List.of(Action.of("do", "forgetSeat")));
      actions.addAll(giveUp("seatRemoved"));
      return actions;
    }
    Object changes = message.get("changes");
    return committed(changes != null ? (List<Map<String, Object>>) changes : List.of(message));
  }

  public List<Action> acknowledged(long seq, long replyRev) {
    sending = false;
    if (stopped) {
      return List.of();
    }
    List<Action> actions = changed(sync.acknowledged(seq, replyRev));
    actions.addAll(gapCheck());
    actions.addAll(flush());
    return actions;
  }

  public List<Action> submitFailed(int code) {
    sending = false;
    if (stopped) {
      return List.of();
    }
    if (code == BEHIND) {
      return joined ? List.of(join()) : List.of();
    }
    if (ROLL_BACK.contains(code)) {
      sync.dropPending();
      List<Action> actions = new ArrayList<>(List.of(Action.of("do", "rollBack", "code", code)));
      actions.addAll(rejoinFresh());
      return actions;
    }
    if (RETRY_LATER.contains(code)) {
      return List.of(Action.of("do", "wait", "timer", "retry", "minMs", scaled(RETRY_MIN_MILLIS),
        "maxMs", scaled(RETRY_MAX_MILLIS)));
    }
    return List.of();
  }

  public List<Action> heardOf(long rev) {
    sync.heardOf(rev);
    return joined ? gapCheck() : List.of();
  }

  public List<Action> timerFired(String timer) {
    if (stopped) {
      return List.of();
    }
    if ("retry".equals(timer)) {
      return flush();
    }
    watchingGap = false;
    return sync.hasGap() && joined ? List.of(join()) : List.of();
  }

  private Action join() {
    return loaded ? Action.of("do", "join", "sinceRev", sync.rev()) : Action.of("do", "join");
  }

  private List<Action> committed(List<Map<String, Object>> messages) {
    List<ClientSync.Applied> applied = new ArrayList<>();
    for (Map<String, Object> message : messages) {
      try {
        applied.addAll(sync.committed(ClientSync.Committed.fromMap(message)));
      } catch (BoardRejection e) {
        List<Action> actions = changed(applied);
        actions.add(Action.of("do", "diverged", "rev", ((Number) message.get("rev")).longValue()));
        actions.addAll(rejoinFresh());
        return actions;
      }
    }
    List<Action> actions = changed(applied);
    actions.addAll(gapCheck());
    actions.addAll(flush());
    return actions;
  }

  private static List<Action> changed(List<ClientSync.Applied> applied) {
    List<Action> actions = new ArrayList<>();
    for (ClientSync.Applied a : applied) {
      Map<String, Object> decision = new LinkedHashMap<>();
      decision.put("do", "changed");
      decision.put("rev", a.rev());
      decision.put("own", a.own());
      actions.add(new Action(decision, null, a));
    }
    return actions;
  }

  private List<Action> gapCheck() {
    if (!sync.hasGap() || watchingGap) {
      return List.of();
    }
    watchingGap = true;
    long ms = scaled(GAP_WAIT_MILLIS);
    return List.of(Action.of("do", "wait", "timer", "gap", "minMs", ms, "maxMs", ms));
  }

  private List<Action> flush() {
    if (!joined || sending) {
      return List.of();
    }
    ClientSync.Submit inflight = sync.inflightSubmit();
    ClientSync.Submit submit = inflight != null ? inflight : sync.takeSubmit();
    if (submit == null) {
      return List.of();
    }
    sending = true;
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("do", "submit");
    decision.put("seq", submit.seq());
    decision.put("baseRev", submit.baseRev());
    decision.put("ops", submit.ops().size());
    decision.put("resend", inflight != null);
    return List.of(new Action(decision, submit, null));
  }

  private List<Action> rejoinFresh() {
    loaded = false;
    return joined ? List.of(join()) : List.of();
  }

  private List<Action> giveUp(Object code) {
    stopped = true;
    return List.of(Action.of("do", "giveUp", "code", code));
  }

  private long scaled(long millis) {
    return Math.round(millis * timeScale);
  }
}
