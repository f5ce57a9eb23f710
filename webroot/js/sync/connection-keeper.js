// Keeps a socket to the server alive for as long as it is wanted: connects, reconnects with backoff when it is lost,
// and beats now and then to find a socket that stays open while nothing gets through. What is said over it is the
// board session's business (board-session.js); this only says when a socket is 'open' and when it was 'lost'.
import { EventBusClient } from './eventbus-client.js';

export const KEEPER_TIMINGS = Object.freeze({
  // A socket can stay open while nothing gets through (a frozen server, a phone between masts): a round trip every
  // few seconds tells, and two missed ones mean starting over on a new socket.
  heartbeatMs: 4000, heartbeatTimeoutMs: 4000, missedBeatsBeforeReconnect: 2,
  reconnectBaseMs: 500, reconnectMaxMs: 30000, offlineAfterAttempts: 3,
});

/** How long to wait before the next socket after `attempts` lost ones: doubling, at most 30 s, half of it random. */
export function reconnectDelay(attempts) {
  const backoff = Math.min(KEEPER_TIMINGS.reconnectMaxMs, KEEPER_TIMINGS.reconnectBaseMs * 2 ** Math.min(attempts, 6));
  return { minMs: backoff / 2, maxMs: backoff };
}

export class ConnectionKeeper extends EventTarget {
  /**
   * @param beat the round trip of a heartbeat: resolves with the answer, rejects with the error (its code)
   * @param live whether the socket is in use (a heartbeat only then), asked on every beat
   */
  constructor({ bus = new EventBusClient('/eventbus'), beat, live = () => true }) {
    super();
    this.bus = bus;
    this.beatOnce = beat;
    this.live = live;
    this.attempts = 0;
    this.missedBeats = 0;
    this.stopped = false;
    /** 'reconnecting' or 'offline' while there is no socket; 'open' while there is one. */
    this.connection = 'reconnecting';
    bus.addEventListener('open', () => {
      this.connection = 'open';
      this.#emit('open');
    });
    bus.addEventListener('close', () => this.#lost());
    globalThis.addEventListener?.('online', () => this.reconnectNow());
  }

  start() {
    this.connection = 'reconnecting';
    this.bus.connect();
    this.#emit('status');
  }

  /** Stop for good: no socket, no reconnecting. */
  stop() {
    this.stopped = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.reconnectTimer);
    this.bus.close();
    this.connection = 'offline';
  }

  /** The socket works (the session joined on it): the backoff starts again from the start, and the beats begin. */
  working() {
    this.attempts = 0;
    this.missedBeats = 0;
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => this.#beat(), KEEPER_TIMINGS.heartbeatMs);
  }

  /** This socket is no good: close it and start over on a new one. */
  drop() {
    if (!this.bus.isOpen) return;
    this.bus.close();
    this.#lost();
  }

  reconnectNow() {
    if (this.stopped || this.live()) return;
    clearTimeout(this.reconnectTimer);
    this.bus.connect();
  }

  async #beat() {
    if (!this.live() || this.beating) {
      // What is shown may change by time alone (edits turning from saving to waiting).
      this.#emit('status');
      return;
    }
    this.beating = true;
    const bus = this.bus;
    try {
      const reply = await this.beatOnce();
      this.missedBeats = 0;
      this.#emit('beat', reply);
    } catch (error) {
      // A refusal is an answer: the connection works.
      if (error.code > 0) this.missedBeats = 0;
      else this.missedBeats += 1;
    } finally {
      this.beating = false;
    }
    this.#emit('status');
    if (this.missedBeats >= KEEPER_TIMINGS.missedBeatsBeforeReconnect && this.live() && bus.isOpen) {
      bus.close();
      this.#lost();
    }
  }

  #lost() {
    clearInterval(this.heartbeat);
    if (this.stopped) return;
    this.attempts += 1;
    const offline = this.attempts >= KEEPER_TIMINGS.offlineAfterAttempts || globalThis.navigator?.onLine === false;
    this.connection = offline ? 'offline' : 'reconnecting';
    this.#emit('lost');
    const { minMs, maxMs } = reconnectDelay(this.attempts);
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.bus.connect(), minMs + Math.random() * (maxMs - minMs));
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
