// One board over the event bus, as the page sees it: the connection keeper (connection-keeper.js) keeps a socket,
// the board session (board-session.js) decides what to say over it, and this performs those decisions (requests,
// timers, storage) and tells the UI what is going on. The OT bookkeeping itself lives in BoardSync.
import { EventBusClient } from './eventbus-client.js';
import { BoardSync } from './board-sync.js';
import { BoardSession } from './board-session.js';
import { ConnectionKeeper, KEEPER_TIMINGS } from './connection-keeper.js';
import { uuid } from '../uuid.js';
import { loadSeat, loadSession, saveSeat, saveSession } from './client-session.js';

// Edits not acknowledged for this long are called waiting, not saving, whatever the socket says.
const WAITING_AFTER_MS = 5000;

/**
 * What a person needs to know about their edits, from the socket and the session together: 'saved' (connected,
 * nothing waiting), 'saving' (sent, answered recently), 'waiting' (no answer for a while, or no connection) or 'idle'
 * (nothing to save and not connected).
 */
export function savingShown({ connection, missedBeats, unsaved, progressAt, now }) {
  if (unsaved === 0) return connection === 'connected' && missedBeats === 0 ? 'saved' : 'idle';
  const stalled = connection !== 'connected' || missedBeats > 0 || now - progressAt > WAITING_AFTER_MS;
  return stalled ? 'waiting' : 'saving';
}

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
    this.session = new BoardSession(this.sync);
    this.keeper = new ConnectionKeeper({
      bus, live: () => this.session.joined,
      beat: () => bus.request('board.ping', { boardId }, { timeout: KEEPER_TIMINGS.heartbeatTimeoutMs }),
    });
    this.serverOffsetMs = 0;
    this.timers = new Map();
    this.you = null;
    this.participants = [];
    this.watching = 0;
    // When the edits now waiting last saw progress: the first of them typed, or the last ack.
    this.progressAt = Date.now();
    // The server's last word on a deleted board comes where its changes come.
    this.onOps = (message) => this.#act(this.session.received(message));
    this.onPresence = (presence) => this.#presence(presence.participants, presence.watching);
    this.keeper.addEventListener('open', () => this.#act(this.session.opened()));
    this.keeper.addEventListener('lost', () => this.#act(this.session.lost()));
    this.keeper.addEventListener('beat', (e) => this.#act(this.session.heardOf(e.detail?.rev)));
    this.keeper.addEventListener('status', () => this.#statusChanged());
    // A bridge refusal names no address, so it cannot be tied to one submit: only report it.
    bus.addEventListener('refused', () => this.#emit('error', { code: 403, message: 'refused' }));
  }

  get state() { return this.sync.state; }
  get rev() { return this.sync.rev; }
  get clientId() { return this.sync.clientId; }
  get unsavedCount() { return this.sync.unsavedCount; }
  get joined() { return this.session.joined; }
  get loaded() { return this.session.loaded; }
  /** 'connected' once the session joined on the socket, else the keeper's 'reconnecting' or 'offline'. */
  get connection() {
    if (this.session.stopped || this.keeper.stopped) return 'offline';
    return this.session.joined ? 'connected' : this.keeper.connection === 'open' ? 'reconnecting' : this.keeper.connection;
  }

  get saving() {
    return savingShown({ connection: this.connection, missedBeats: this.keeper.missedBeats,
      unsaved: this.sync.unsavedCount, progressAt: this.progressAt, now: Date.now() });
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
    this.#act(this.session.rejoin());
    return answered;
  }

  start() {
    this.keeper.start();
  }

  stop() {
    this.#stopTimers();
    this.keeper.stop();
  }

  /** The board and its records are gone for good: stop, and never reconnect. */
  boardDeleted() {
    this.#act(this.session.received({ deleted: true }));
  }

  submit(ops) {
    if (ops.length === 0) return;
    if (this.sync.unsavedCount === 0) this.progressAt = Date.now();
    const actions = this.session.edited(ops);
    this.#emit('change', { remote: false, ops });
    this.#act(actions);
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
    if (!this.session.joined) return;
    try { this.bus.send('board.presence', { boardId: this.boardId, focus }); } catch { /* offline */ }
  }

  get seat() { return loadSeat(this.boardId); }

  // Performs the session's decisions in order, then shows the status they lead to.
  #act(actions) {
    for (const action of actions) this.#perform(action);
    this.#statusChanged();
  }

  #perform(action) {
    switch (action.do) {
      case 'join': this.#join(action.sinceRev); break;
      case 'register':
        // The same handler objects every time, so joining again on one socket registers nothing twice.
        this.bus.register(`board.${this.boardId}.ops`, this.onOps);
        this.bus.register(`board.${this.boardId}.presence`, this.onPresence);
        break;
      case 'joined':
        this.keeper.working();
        this.#emit('joined', { you: this.you });
        break;
      case 'reset': this.#emit('change', { remote: true, reset: true, ops: [] }); break;
      case 'lostEdits': this.#emit('error', { code: 409, message: 'lost-edits' }); break;
      case 'changed': {
        const { applied } = action;
        this.#emit('change', { remote: !applied.own, own: Boolean(applied.own), ops: applied.ops, rev: applied.rev,
          participantId: applied.participantId });
        break;
      }
      case 'submit': this.#send(action.submit); break;
      case 'wait': {
        clearTimeout(this.timers.get(action.timer));
        const ms = action.minMs + Math.random() * (action.maxMs - action.minMs);
        this.timers.set(action.timer, setTimeout(() => {
          this.timers.delete(action.timer);
          this.#act(this.session.timerFired(action.timer));
        }, ms));
        break;
      }
      case 'rollBack': this.#emit('error', { code: action.code, message: this.lastRefusal }); break;
      case 'diverged': console.error('could not apply revision', action.rev); break;
      case 'reconnect': this.keeper.drop(); break;
      case 'forgetSeat': saveSeat(this.boardId, null); break;
      case 'giveUp':
        this.#stopTimers();
        this.#emit('fatal', typeof action.code === 'number' ? { code: action.code, message: this.lastRefusal }
          : { code: action.code });
        this.keeper.stop();
        break;
      default: throw new Error('unknown action ' + action.do);
    }
  }

  async #join(sinceRev) {
    const seat = this.seat;
    const body = { boardId: this.boardId, clientId: this.clientId, name: this.name, role: this.role };
    if (this.token) body.token = this.token;
    if (seat) body.seat = seat;
    if (sinceRev !== undefined) body.sinceRev = sinceRev;
    let reply;
    try {
      reply = await this.bus.request('board.join', body);
    } catch (error) {
      this.lastRefusal = error.message;
      this.#act(this.session.joinFailed(error.code, { withSeat: Boolean(seat), withToken: Boolean(this.token) }));
      return;
    }
    this.you = reply.you;
    if (reply.you?.seat) saveSeat(this.boardId, reply.you.seat);
    if (typeof reply.serverTime === 'number') this.serverOffsetMs = reply.serverTime - Date.now();
    const actions = this.session.joinAnswered(sinceRev, reply);
    // The presence published on our own join went out before we could register for it.
    if (reply.participants) this.#presence(reply.participants, reply.watching);
    this.#act(actions);
  }

  #send(submit) {
    saveSession(this.boardId, { clientId: this.clientId, seq: this.sync.seq });
    this.bus.request('board.submit', { boardId: this.boardId, ...submit }).then(
      (reply) => {
        this.progressAt = Date.now();
        this.#act(this.session.acknowledged(submit.seq, reply));
      },
      (error) => {
        this.lastRefusal = error.message;
        this.#act(this.session.submitFailed(error.code));
      });
  }

  #presence(participants, watching) {
    this.participants = participants ?? [];
    this.watching = Number.isInteger(watching) ? watching : 0;
    this.#emit('presence', { participants: this.participants, watching: this.watching });
  }

  #stopTimers() {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  #statusChanged() {
    this.#emit('status', { connection: this.connection, unsaved: this.sync.unsavedCount, saving: this.saving });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
