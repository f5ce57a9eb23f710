// The pure client half of operational transform for one board, in the manner of ot.js's
// Client: no socket, no timers, so it can be tested on its own. The board client feeds it
// local edits, replies and committed revisions, and sends what it hands out.
//
// Invariants: `state` = committed state at `rev` + inflight ops + buffered ops, applied in
// that order; inflight and buffer are always expressed relative to `rev`.
import { applyOps, transformClient } from '../board/ops.js';
import { TextOperation } from '../board/text-operation.js';

export class BoardSync {
  constructor(clientId) {
    this.clientId = clientId;
    this.seq = 0;
    this.load(0, { board: {}, entities: {} });
  }

  /** Replace everything with a fresh full state (join, or roll back after a refusal). */
  load(rev, state) {
    this.rev = rev;
    this.state = state;
    this.inflight = null; // {seq, ops, ackRev?}
    this.buffer = [];
    this.early = new Map(); // rev -> committed message that arrived before its predecessors
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

  /** The in-flight submit again, same (clientId, seq), rebased on the current revision. */
  inflightSubmit() {
    if (!this.inflight) return null;
    return { clientId: this.clientId, seq: this.inflight.seq, baseRev: this.rev, ops: this.inflight.ops };
  }

  /** The reply to our submit. Returns the messages applied as a consequence. */
  acknowledged(seq, reply) {
    if (!this.inflight || this.inflight.seq !== seq) return [];
    if (reply.rev <= this.rev) {
      // Already committed before revisions we applied (a duplicate after a reconnect whose
      // catch-up we missed): our ops are in the state, nothing more to wait for.
      this.inflight = null;
      return [];
    }
    // The reply may overtake revisions committed just before ours; it only takes effect
    // once those have been applied.
    this.inflight.ackRev = reply.rev;
    return this.#drain();
  }

  /** A committed revision from the board's ops address or a catch-up list. */
  committed(message) {
    if (message.rev <= this.rev) return [];
    this.early.set(message.rev, message);
    return this.#drain();
  }

  /** True while revisions are missing before ones we already hold. */
  get hasGap() {
    return this.early.size > 0;
  }

  /** Forget the submit in flight and everything buffered (the server refused it). */
  dropPending() {
    this.inflight = null;
    this.buffer = [];
  }

  #drain() {
    const applied = [];
    for (;;) {
      const next = this.rev + 1;
      const message = this.early.get(next);
      if (message) {
        this.early.delete(next);
        if (this.#isOurInflight(message)) this.inflight = null;
        else applied.push({ ...message, ops: this.#applyRemote(message) });
        this.rev = next;
      } else if (this.inflight?.ackRev === next) {
        this.inflight = null;
        this.rev = next;
      } else {
        return applied;
      }
    }
  }

  #isOurInflight(message) {
    return this.inflight && message.clientId === this.clientId && message.seq === this.inflight.seq;
  }

  #applyRemote(message) {
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
    this.state = applyOps(this.state, remote);
    return remote;
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
