// One board over the event bus: joins, keeps BoardSync fed, resends after reconnects and
// tells the UI what is going on. The OT bookkeeping itself lives in BoardSync.
import { EventBusClient } from './eventbus-client.js';
import { BoardSync } from './board-sync.js';
import { uuid } from '../uuid.js';
import { loadSeat, loadSession, saveSeat, saveSession } from './client-session.js';

const RETRY_LATER = new Set([-1, 429, 503]); // -1: timeout or lost socket
const ROLL_BACK = new Set([400, 403, 404, 409, 413]);
// The submit was based on a revision older than what the server keeps: catch up, then send it again, transformed.
const BEHIND = 410;
const OFFLINE_AFTER_ATTEMPTS = 3;
const GAP_WAIT_MS = 1500;
// A socket can stay open while nothing gets through (a frozen server, a phone between masts):
// a round trip every few seconds tells, and two missed ones mean starting over on a new socket.
const HEARTBEAT_MS = 4000;
const HEARTBEAT_TIMEOUT_MS = 4000;
const MISSED_BEATS_BEFORE_RECONNECT = 2;
// Edits not acknowledged for this long are called waiting, not saving, whatever the socket says.
const WAITING_AFTER_MS = 5000;

export class BoardClient extends EventTarget {
  constructor({ boardId, token, name, role, bus = new EventBusClient('/eventbus') }) {
    super();
    this.boardId = boardId;
    this.token = token;
    this.name = name;
    this.role = role;
    this.bus = bus;
    // The same tab keeps its clientId (and so stays the same participant, author of its own
    // check-in and goal check) across reloads; seq goes with it, or the server would take new
    // submits for duplicates of old ones.
    const session = loadSession(boardId) ?? { clientId: uuid(), seq: 0 };
    this.sync = new BoardSync(session.clientId, session.seq);
    saveSession(boardId, session);
    this.serverOffsetMs = 0;
    this.loaded = false;
    this.joined = false;
    this.sending = false;
    this.attempts = 0;
    this.you = null;
    this.participants = [];
    this.connection = 'reconnecting';
    this.stopped = false;
    this.missedBeats = 0;
    // When the edits now waiting last saw progress: the first of them typed, or the last ack.
    this.progressAt = Date.now();
    // The server's last word on a deleted board comes where its changes come.
    // In a crowded room the server sends the revisions of a short window together as {changes: [...]}.
    this.onOps = (message) => {
      if (message.deleted) this.boardDeleted();
      else if (message.seatRemoved) this.#seatRemoved();
      else this.#committed(message.changes ?? [message]);
    };
    this.watching = 0;
    this.onPresence = (presence) => this.#presence(presence.participants, presence.watching);
    bus.addEventListener('open', () => this.#join());
    bus.addEventListener('close', () => this.#lost());
    // A bridge refusal names no address, so it cannot be tied to one submit: only report it.
    bus.addEventListener('refused', () => this.#emit('error', { code: 403, message: 'refused' }));
    globalThis.addEventListener?.('online', () => this.#reconnectNow());
  }

  get state() { return this.sync.state; }
  get rev() { return this.sync.rev; }
  get clientId() { return this.sync.clientId; }
  get unsavedCount() { return this.sync.unsavedCount; }
  /**
   * What a person needs to know about their edits: 'saved' (connected, nothing waiting),
   * 'saving' (sent, answered recently), 'waiting' (no answer for a while, or no connection)
   * or 'idle' (nothing to save and not connected).
   */
  get saving() {
    if (this.sync.unsavedCount === 0) return this.connection === 'connected' && this.missedBeats === 0 ? 'saved' : 'idle';
    const stalled = this.connection !== 'connected' || this.missedBeats > 0
      || Date.now() - this.progressAt > WAITING_AFTER_MS;
    return stalled ? 'waiting' : 'saving';
  }

  get readOnly() { return !this.you || this.you.grant === 'viewer' || this.you.grant === 'projector'; }
  get isFacilitator() { return this.you?.grant === 'facilitator'; }

  /** The server's clock, as far as we can tell: agenda timers are counted in its time. */
  serverNow() { return Date.now() + this.serverOffsetMs; }

  /**
   * Take part under another name or role: join again as the same participant (the first time,
   * the server gives this person their seat). Resolves once that join is answered.
   */
  rename(name, role) {
    this.name = name;
    this.role = role;
    const answered = new Promise((resolve) => this.addEventListener('joined', resolve, { once: true }));
    if (this.joined) this.#join();
    return answered;
  }

  start() {
    this.#setConnection('reconnecting');
    this.bus.connect();
  }

  stop() {
    this.stopped = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.reconnectTimer);
    this.bus.close();
  }

  // The facilitator took this person's seat back: forget it, and do not come back as someone new by oneself.
  #seatRemoved() {
    saveSeat(this.boardId, null);
    this.#giveUp({ code: 'seatRemoved' });
  }

  /** The board and its records are gone for good: stop, and never reconnect. */
  boardDeleted() {
    this.#giveUp({ code: 'deleted' });
  }

  submit(ops) {
    if (ops.length === 0) return;
    if (this.sync.unsavedCount === 0) this.progressAt = Date.now();
    this.sync.local(ops);
    this.#emit('change', { remote: false, ops });
    this.#flush();
  }

  editText(id, field, textOperation) {
    if (textOperation.isNoop()) return;
    this.submit([{ type: 'text', id, field, edit: textOperation.toJSON() }]);
  }

  set(id, field, value) {
    this.submit([{ type: 'set', id, field, value }]);
  }

  create(kind, fields) {
    const id = uuid();
    this.submit([{ type: 'create', id, kind, fields }]);
    return id;
  }

  delete(id) {
    this.submit([{ type: 'delete', id }]);
  }

  /** Tell the others which field we are in (or null). Best effort, never queued. */
  focus(focus) {
    if (!this.joined) return;
    try { this.bus.send('board.presence', { boardId: this.boardId, focus }); } catch { /* offline */ }
  }

  get seat() { return loadSeat(this.boardId); }

  async #join() {
    const seat = this.seat;
    const body = { boardId: this.boardId, clientId: this.clientId, name: this.name, role: this.role };
    if (this.token) body.token = this.token;
    if (seat) body.seat = seat;
    const catchingUp = this.loaded;
    if (catchingUp) body.sinceRev = this.sync.rev;
    let reply;
    try {
      reply = await this.bus.request('board.join', body);
    } catch (error) {
      // A seat this board no longer knows (the board was copied to another server, the seat was
      // replaced): join with the link instead, as someone new.
      if (error.code === 403 && seat && this.token) {
        saveSeat(this.boardId, null);
        this.#join();
        return;
      }
      if (error.code === 403 || error.code === 404) this.#giveUp({ code: error.code, message: error.message });
      // Anything else (timeout, lost socket): start over on a fresh socket.
      if (this.bus.isOpen) {
        this.bus.close();
        this.#lost();
      }
      return;
    }
    this.you = reply.you;
    if (reply.you?.seat) saveSeat(this.boardId, reply.you.seat);
    if (typeof reply.serverTime === 'number') this.serverOffsetMs = reply.serverTime - Date.now();
    if (reply.state) {
      if (catchingUp && this.sync.unsavedCount) {
        this.#emit('error', { code: 409, message: 'lost-edits' });
      }
      this.sync.load(reply.rev, reply.state);
      this.loaded = true;
      this.#emit('change', { remote: true, reset: true, ops: [] });
    } else {
      if (reply.ops?.length) this.#committed(reply.ops);
    }
    // The same handler objects every time, so joining again on one socket registers nothing twice.
    this.bus.register(`board.${this.boardId}.ops`, this.onOps);
    this.bus.register(`board.${this.boardId}.presence`, this.onPresence);
    // The presence published on our own join went out before we could register for it.
    if (reply.participants) this.#presence(reply.participants, reply.watching);
    this.joined = true;
    this.attempts = 0;
    this.missedBeats = 0;
    this.#startHeartbeat();
    this.#emit('joined', { you: this.you });
    this.#setConnection('connected');
    this.#flush();
    // Revisions (and the presence of our own arrival) published between the join reply and
    // our registration never reach us; the bridge handles one socket's frames in order, so
    // joining once more from here fetches exactly what was missed.
    if (!this.caughtUpOnSocket) {
      this.caughtUpOnSocket = true;
      this.#join();
    }
  }

  #giveUp(detail) {
    this.stopped = true;
    clearInterval(this.heartbeat);
    for (const timer of [this.reconnectTimer, this.retryTimer, this.gapTimer]) clearTimeout(timer);
    this.#emit('fatal', detail);
    this.bus.close();
    this.#setConnection('offline');
  }

  #presence(participants, watching) {
    this.participants = participants ?? [];
    this.watching = Number.isInteger(watching) ? watching : 0;
    this.#emit('presence', { participants: this.participants, watching: this.watching });
  }

  #committed(messages) {
    const appliedMessages = [];
    for (const message of messages) {
      try {
        appliedMessages.push(...this.sync.committed(message));
      } catch (error) {
        // Our copy no longer matches the server's (it should not happen): start from its state.
        console.error('could not apply revision', message.rev, error);
        this.#rejoinFresh();
        return;
      }
    }
    this.#emitApplied(appliedMessages);
    this.#statusChanged();
    if (this.sync.hasGap) this.#watchGap();
    this.#flush();
  }

  // `own`: our submit came back as the server applied it (perhaps with stamped fields).
  #emitApplied(messages) {
    for (const applied of messages) {
      this.#emit('change', {
        remote: !applied.own, own: Boolean(applied.own), ops: applied.ops, rev: applied.rev,
        participantId: applied.participantId,
      });
    }
  }

  // Over one socket revisions arrive in order, so a gap means something got lost: if it
  // does not close by itself, join again from the last applied revision.
  #watchGap() {
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.sync.hasGap && this.joined) this.#join();
    }, GAP_WAIT_MS);
  }

  #flush() {
    this.#statusChanged();
    if (!this.joined || this.sending) return;
    const submit = this.sync.inflightSubmit() ?? this.sync.takeSubmit();
    if (!submit) return;
    saveSession(this.boardId, { clientId: this.clientId, seq: this.sync.seq });
    this.sending = true;
    this.bus.request('board.submit', { boardId: this.boardId, ...submit }).then(
      (reply) => {
        this.sending = false;
        this.progressAt = Date.now();
        this.#emitApplied(this.sync.acknowledged(submit.seq, reply));
        // The reply names our revision; its applied ops come published or, if that got lost, by catching up.
        if (this.sync.hasGap) this.#watchGap();
        this.#flush();
      },
      (error) => {
        this.sending = false;
        this.#fail(error);
      });
  }

  #fail(error) {
    if (error.code === BEHIND) {
      // A join from our revision brings the changes we missed, and the edits are transformed over them and resent;
      // if the server answers with the whole board instead, they cannot be, and the join says so (lost-edits).
      if (this.joined) this.#join();
    } else if (ROLL_BACK.has(error.code)) {
      this.sync.dropPending();
      this.#emit('error', { code: error.code, message: error.message });
      this.#rejoinFresh();
    } else if (RETRY_LATER.has(error.code) || !error.code) {
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.#flush(), 2000 + Math.random() * 2000);
      this.#statusChanged();
    }
  }

  // A refused submit may have been half-applied locally along with later edits built on
  // it; the only honest state is the server's.
  #rejoinFresh() {
    this.loaded = false;
    if (this.joined) this.#join();
  }

  #startHeartbeat() {
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => this.#beat(), HEARTBEAT_MS);
  }

  async #beat() {
    if (!this.joined || this.beating) {
      // Edits may turn from saving to waiting by time alone.
      if (this.sync.unsavedCount) this.#statusChanged();
      return;
    }
    this.beating = true;
    const bus = this.bus;
    try {
      const reply = await bus.request('board.ping', { boardId: this.boardId }, { timeout: HEARTBEAT_TIMEOUT_MS });
      this.missedBeats = 0;
      this.sync.heardOf(reply?.rev);
      if (this.sync.hasGap && this.joined) this.#watchGap();
    } catch (error) {
      // A refusal is an answer: the connection works.
      if (error.code > 0) this.missedBeats = 0;
      else this.missedBeats += 1;
    } finally {
      this.beating = false;
    }
    this.#statusChanged();
    if (this.missedBeats >= MISSED_BEATS_BEFORE_RECONNECT && this.joined && bus.isOpen) {
      bus.close();
      this.#lost();
    }
  }

  #lost() {
    clearInterval(this.heartbeat);
    this.joined = false;
    this.caughtUpOnSocket = false;
    this.sending = false;
    if (this.stopped) return;
    this.attempts += 1;
    const offline = this.attempts >= OFFLINE_AFTER_ATTEMPTS || globalThis.navigator?.onLine === false;
    this.#setConnection(offline ? 'offline' : 'reconnecting');
    const delay = Math.min(30000, 500 * 2 ** Math.min(this.attempts, 6)) * (0.5 + Math.random() / 2);
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.bus.connect(), delay);
  }

  #reconnectNow() {
    if (this.stopped || this.joined) return;
    clearTimeout(this.reconnectTimer);
    this.bus.connect();
  }

  #setConnection(connection) {
    this.connection = connection;
    this.#statusChanged();
  }

  #statusChanged() {
    this.#emit('status', { connection: this.connection, unsaved: this.sync.unsavedCount, saving: this.saving });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
