// The board session's decisions: when to join and from which revision, when to send, resend, wait, catch up or roll
// back. It does no I/O: each event it is told of returns the actions to take, which board-client.js performs. So the
// same event sequences drive it and its Java twin (testsupport/BoardSessionTwin), held equal by
// src/test/resources/vectors/board-session-traces.json. The OT bookkeeping itself is BoardSync's.
//
// Actions, in the order to take them (fields other than objects are the decision; objects are what to act with):
//   {do: 'join', sinceRev?}            join, from sinceRev when the board is loaded, else for the whole board
//   {do: 'register'}                   listen to the board's changes and presence (again: the same handlers)
//   {do: 'joined'}                     the session is live on this socket
//   {do: 'reset', rev}                 the board was loaded whole
//   {do: 'lostEdits'}                  ... while edits were pending, which are gone with it
//   {do: 'changed', rev, own, applied} a revision was applied (own: our submit came back)
//   {do: 'submit', seq, baseRev, ops, resend, submit}   send this submit
//   {do: 'wait', timer, minMs, maxMs}  call timerFired(timer) after a time in [minMs, maxMs] (replacing that timer)
//   {do: 'rollBack', code}             the server refused our edits: they are dropped, tell the person
//   {do: 'diverged', rev}              a revision did not apply to our copy: it is thrown away
//   {do: 'reconnect'}                  this socket is no good: close it and start over on a new one
//   {do: 'forgetSeat'}                 the seat is no longer ours
//   {do: 'giveUp', code}               stop for good
export const RETRY_LATER = [-1, 0, 429, 503]; // -1: timeout or lost socket; 0: no code at all
export const ROLL_BACK = [400, 403, 404, 409, 413];
// The submit was based on a revision older than what the server keeps: catch up, then send it again, transformed.
export const BEHIND = 410;
export const TIMINGS = Object.freeze({ retryMinMs: 2000, retryMaxMs: 4000, gapWaitMs: 1500 });

export class BoardSession {
  /** @param timeScale shortens every wait (the simulations run meetings of seconds); the decisions stay. */
  constructor(sync, { timeScale = 1 } = {}) {
    this.sync = sync;
    this.timeScale = timeScale;
    this.loaded = false;
    this.joined = false;
    this.sending = false;
    this.caughtUpOnSocket = false;
    this.watchingGap = false;
    this.stopped = false;
  }

  /** A socket is open: join. */
  opened() {
    return this.stopped ? [] : [this.#join()];
  }

  /** Join again as the same participant (another name or role), if live. */
  rejoin() {
    return this.joined ? [this.#join()] : [];
  }

  /** The socket is gone; the connection keeper opens the next one. */
  lost() {
    this.joined = false;
    this.caughtUpOnSocket = false;
    this.sending = false;
    return [];
  }

  /** @param sinceRev what the answered join asked from (undefined: the whole board) */
  joinAnswered(sinceRev, reply) {
    if (this.stopped) return [];
    const actions = [];
    if (reply.state) {
      if (sinceRev !== undefined && this.sync.unsavedCount) actions.push({ do: 'lostEdits' });
      this.sync.load(reply.rev, reply.state);
      this.loaded = true;
      actions.push({ do: 'reset', rev: reply.rev });
    } else if (reply.ops?.length) {
      actions.push(...this.#committed(reply.ops));
    }
    actions.push({ do: 'register' });
    this.joined = true;
    actions.push({ do: 'joined' });
    actions.push(...this.#flush());
    // Revisions published between the join reply and our registration never reach us; the bridge handles one
    // socket's frames in order, so joining once more from here fetches exactly what was missed.
    if (!this.caughtUpOnSocket) {
      this.caughtUpOnSocket = true;
      actions.push(this.#join());
    }
    return actions;
  }

  /** @param withSeat the join carried a seat; withToken: and a link to join by instead */
  joinFailed(code, { withSeat = false, withToken = false } = {}) {
    if (this.stopped) return [];
    // A seat this board no longer knows (the board was copied to another server, the seat was replaced): join with
    // the link instead, as someone new.
    if (code === 403 && withSeat && withToken) return [{ do: 'forgetSeat' }, this.#join()];
    if (code === 403 || code === 404) return this.#giveUp(code);
    // Anything else (timeout, lost socket): start over on a fresh socket.
    return [{ do: 'reconnect' }];
  }

  /** Local edits, already checked: apply them optimistically and send when we may. */
  edited(ops) {
    if (ops.length === 0) return [];
    this.sync.local(ops);
    return this.#flush();
  }

  /** A message on the board's changes address. */
  received(message) {
    if (this.stopped) return [];
    if (message.deleted) return this.#giveUp('deleted');
    if (message.seatRemoved) return [{ do: 'forgetSeat' }, ...this.#giveUp('seatRemoved')];
    // In a crowded room the server sends the revisions of a short window together as {changes: [...]}.
    return this.#committed(message.changes ?? [message]);
  }

  acknowledged(seq, reply) {
    this.sending = false;
    if (this.stopped) return [];
    const actions = this.#changed(this.sync.acknowledged(seq, reply));
    // The reply names our revision; its applied ops come published or, if that got lost, by catching up.
    actions.push(...this.#gapCheck(), ...this.#flush());
    return actions;
  }

  submitFailed(code) {
    this.sending = false;
    if (this.stopped) return [];
    if (code === BEHIND) {
      // A join from our revision brings the changes we missed, and the edits are transformed over them and resent;
      // if the server answers with the whole board instead, they cannot be, and the join says so (lostEdits).
      return this.joined ? [this.#join()] : [];
    }
    if (ROLL_BACK.includes(code)) {
      // A refused submit may have been half-applied locally along with later edits built on it; the only honest
      // state is the server's.
      this.sync.dropPending();
      return [{ do: 'rollBack', code }, ...this.#rejoinFresh()];
    }
    if (RETRY_LATER.includes(code ?? 0)) {
      return [{ do: 'wait', timer: 'retry', minMs: this.#scaled(TIMINGS.retryMinMs),
        maxMs: this.#scaled(TIMINGS.retryMaxMs) }];
    }
    return [];
  }

  /** A heartbeat's answer names the board's revision: a revision missed with nothing after it shows as a gap. */
  heardOf(rev) {
    this.sync.heardOf(rev);
    return this.joined ? this.#gapCheck() : [];
  }

  timerFired(timer) {
    if (this.stopped) return [];
    if (timer === 'retry') return this.#flush();
    // Over one socket revisions arrive in order, so a gap that did not close by itself means something got lost:
    // join again from the last applied revision.
    this.watchingGap = false;
    return this.sync.hasGap && this.joined ? [this.#join()] : [];
  }

  #join() {
    return this.loaded ? { do: 'join', sinceRev: this.sync.rev } : { do: 'join' };
  }

  #committed(messages) {
    const applied = [];
    for (const message of messages) {
      try {
        applied.push(...this.sync.committed(message));
      } catch {
        // Our copy no longer matches the server's (it should not happen): start from its state.
        return [...this.#changed(applied), { do: 'diverged', rev: message.rev }, ...this.#rejoinFresh()];
      }
    }
    return [...this.#changed(applied), ...this.#gapCheck(), ...this.#flush()];
  }

  // `own`: our submit came back as the server applied it (perhaps with stamped fields).
  #changed(applied) {
    return applied.map((a) => ({ do: 'changed', rev: a.rev, own: Boolean(a.own), applied: a }));
  }

  #gapCheck() {
    if (!this.sync.hasGap || this.watchingGap) return [];
    this.watchingGap = true;
    const ms = this.#scaled(TIMINGS.gapWaitMs);
    return [{ do: 'wait', timer: 'gap', minMs: ms, maxMs: ms }];
  }

  #flush() {
    if (!this.joined || this.sending) return [];
    const inflight = this.sync.inflightSubmit();
    const submit = inflight ?? this.sync.takeSubmit();
    if (!submit) return [];
    this.sending = true;
    return [{ do: 'submit', seq: submit.seq, baseRev: submit.baseRev, ops: submit.ops.length,
      resend: Boolean(inflight), submit }];
  }

  #rejoinFresh() {
    this.loaded = false;
    return this.joined ? [this.#join()] : [];
  }

  #giveUp(code) {
    this.stopped = true;
    return [{ do: 'giveUp', code }];
  }

  #scaled(ms) {
    return Math.round(ms * this.timeScale);
  }
}
