// The pure client half of operational transform for one board, in the manner of ot.js's
// Client: no socket, no timers, so it can be tested on its own. The board client feeds it
// local edits, replies and committed revisions, and sends what it hands out.
//
// The server stamps fields on the ops it applies (proposer, late, timer times), so the op
// it commits can differ from the op we sent. We therefore keep the server's state as it was
// confirmed at `rev`, and the pending ops (in flight, then buffered) relative to it; the state
// shown is always confirmed + pending. Our own revision is applied in the form the server
// published, never in the form we sent.
import { applyOps, transformClient } from '../board/ops.js';
import { TextOperation } from '../board/text-operation.js';

export class BoardSync {
  constructor(clientId, seq = 0) {
    this.clientId = clientId;
    this.seq = seq;
    this.load(0, { board: {}, entities: {} });
  }

  /** Replace everything with a fresh full state (join, or roll back after a refusal). */
  load(rev, state) {
    this.rev = rev;
    this.confirmed = state;
    this.state = state;
    this.inflight = null; // {seq, ops, ackRev?}
    this.buffer = [];
    this.early = new Map(); // rev -> committed message that arrived before its predecessors
    this.heardRev = rev; // the newest revision the server said the board has
  }

  get unsavedCount() {
    return (this.inflight?.ops.length ?? 0) + this.buffer.length;
  }

  get status() {
    if (!this.inflight) return 'synchronized';
    return this.buffer.length ? 'awaiting-with-buffer' : 'awaiting-confirm';
  }

  /** Apply local ops optimistically and queue them. */
  local(ops) {
    this.state = applyOps(this.state, ops);
    for (const op of ops) this.#bufferOp(op);
  }

  /** The submit to send now, or null when one is already in flight or nothing waits. */
  takeSubmit() {
    if (this.inflight || this.buffer.length === 0) return null;
    this.inflight = { seq: ++this.seq, ops: this.buffer };
    this.buffer = [];
    return this.inflightSubmit();
  }

  /**
   * The in-flight submit again, same (clientId, seq), rebased on the current revision; null
   * once it is acknowledged and only its revision is still to come.
   */
  inflightSubmit() {
    if (!this.inflight || this.inflight.ackRev) return null;
    return { clientId: this.clientId, seq: this.inflight.seq, baseRev: this.rev, ops: this.inflight.ops };
  }

  /**
   * The reply to our submit. It carries only the revision, not the ops as applied, so the
   * submit stays pending until that revision itself arrives (published, or in a catch-up).
   */
  acknowledged(seq, reply) {
    if (!this.inflight || this.inflight.seq !== seq) return [];
    if (reply.rev <= this.rev) {
      // Committed before revisions we already applied (a duplicate after a reconnect whose
      // catch-up we missed): the server's state at rev already holds our ops.
      this.inflight = null;
      this.#recompute();
      return [{ rev: this.rev, ops: [], own: true }];
    }
    this.inflight.ackRev = reply.rev;
    return this.#drain();
  }

  /** A committed revision from the board's ops address or a catch-up list. */
  committed(message) {
    if (message.rev <= this.rev) return [];
    this.early.set(message.rev, message);
    return this.#drain();
  }

  /** True while revisions are missing: before ones we already hold, or up to our acknowledged one. */
  /**
   * The server said the board is at `rev` (a heartbeat's answer). A revision published while this socket's
   * registration was still on its way (a cluster) is missed without a later one to show the gap; this shows it.
   */
  heardOf(rev) {
    if (Number.isInteger(rev) && rev > this.heardRev) this.heardRev = rev;
  }

  get hasGap() {
    return this.early.size > 0 || (this.inflight?.ackRev ?? 0) > this.rev || this.heardRev > this.rev;
  }

  /** Forget the submit in flight and everything buffered (the server refused it). */
  dropPending() {
    this.inflight = null;
    this.buffer = [];
    this.state = this.confirmed;
  }

  // Returns the messages applied, each with the ops to apply to the previous local state
  // (for carets); our own is marked `own` and carries no ops of its own.
  #drain() {
    const applied = [];
    for (;;) {
      const next = this.rev + 1;
      const message = this.early.get(next);
      if (!message) return applied;
      this.early.delete(next);
      this.rev = next;
      if (this.#isOurInflight(message)) {
        this.confirmed = applyOps(this.confirmed, message.ops);
        this.inflight = null;
        this.#recompute();
        applied.push({ ...message, ops: [], own: true });
      } else {
        applied.push({ ...message, ops: this.#applyRemote(message) });
      }
    }
  }

  #isOurInflight(message) {
    return this.inflight && message.clientId === this.clientId && message.seq === this.inflight.seq;
  }

  #applyRemote(message) {
    this.confirmed = applyOps(this.confirmed, message.ops);
    let remote = message.ops;
    if (this.inflight) {
      const [inflight, rest] = transformClient(this.inflight.ops, remote);
      this.inflight.ops = inflight;
      remote = rest;
    }
    if (this.buffer.length) {
      const [buffer, rest] = transformClient(this.buffer, remote);
      this.buffer = buffer;
      remote = rest;
    }
    this.#recompute();
    return remote;
  }

  #recompute() {
    const pending = [...(this.inflight?.ops ?? []), ...this.buffer];
    this.state = pending.length ? applyOps(this.confirmed, pending) : this.confirmed;
  }

  // Typing produces one text op per keystroke; composing consecutive ones on the same field
  // keeps submits small and the "not yet saved" count meaningful.
  #bufferOp(op) {
    const last = this.buffer[this.buffer.length - 1];
    if (op.type === 'text' && last?.type === 'text' && last.id === op.id && last.field === op.field) {
      const composed = TextOperation.fromJSON(last.edit).compose(TextOperation.fromJSON(op.edit));
      this.buffer[this.buffer.length - 1] = { ...last, edit: composed.toJSON() };
    } else {
      this.buffer.push(op);
    }
  }
}
