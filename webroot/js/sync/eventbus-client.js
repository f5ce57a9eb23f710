// Client of the Vert.x SockJS event-bus bridge frame protocol. One instance is one socket:
// reconnecting is the caller's decision (it has to join again before registering anyway).
import { uuid } from '../uuid.js';

const PING_INTERVAL_MS = 5000; // the bridge closes sockets that stay silent too long
export const REQUEST_TIMEOUT_MS = 15000;

export class EventBusError extends Error {
  constructor(code, message, type) {
    super(message || `event bus error ${code}`);
    this.code = code;
    this.type = type;
  }
}

export class EventBusClient extends EventTarget {
  constructor(url = '/eventbus', { SockJSImpl = globalThis.SockJS, pingIntervalMs = PING_INTERVAL_MS } = {}) {
    super();
    this.url = url;
    this.SockJSImpl = SockJSImpl;
    this.pingIntervalMs = pingIntervalMs;
    this.socket = null;
    this.handlers = new Map();
    this.replies = new Map();
    this.pingTimer = null;
  }

  get isOpen() {
    return this.socket?.readyState === 1;
  }

  connect() {
    const socket = new this.SockJSImpl(this.url);
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) {
        socket.close();
        return;
      }
      this.pingTimer = setInterval(() => this.#write({ type: 'ping' }), this.pingIntervalMs);
      this.dispatchEvent(new Event('open'));
    };
    socket.onclose = () => {
      // A stale socket closing late must not tear down its successor.
      if (this.socket !== socket) return;
      this.#teardown();
      this.dispatchEvent(new Event('close'));
    };
    socket.onmessage = (e) => this.#receive(JSON.parse(e.data));
  }

  close() {
    const socket = this.socket;
    if (!socket) return;
    this.#teardown();
    this.socket = null;
    socket.close();
  }

  send(address, body) {
    this.#write({ type: 'send', address, body });
  }

  request(address, body, { timeout = REQUEST_TIMEOUT_MS } = {}) {
    return new Promise((resolve, reject) => {
      if (!this.isOpen) {
        reject(new EventBusError(-1, 'not connected', 'NOT_CONNECTED'));
        return;
      }
      const replyAddress = uuid();
      const timer = setTimeout(() => {
        this.replies.delete(replyAddress);
        reject(new EventBusError(-1, `no reply from ${address} within ${timeout} ms`, 'TIMEOUT'));
      }, timeout);
      this.replies.set(replyAddress, { resolve, reject, timer });
      this.#write({ type: 'send', address, body, replyAddress });
    });
  }

  register(address, handler) {
    let set = this.handlers.get(address);
    if (!set) {
      set = new Set();
      this.handlers.set(address, set);
      this.#write({ type: 'register', address });
    }
    set.add(handler);
    return () => this.unregister(address, handler);
  }

  unregister(address, handler) {
    const set = this.handlers.get(address);
    if (!set) return;
    set.delete(handler);
    if (set.size === 0) {
      this.handlers.delete(address);
      if (this.isOpen) this.#write({ type: 'unregister', address });
    }
  }

  #write(frame) {
    if (!this.isOpen) throw new EventBusError(-1, 'not connected', 'NOT_CONNECTED');
    this.socket.send(JSON.stringify(frame));
  }

  #receive(frame) {
    if (frame.type === 'rec') {
      const reply = this.replies.get(frame.address);
      if (reply) {
        this.#settle(frame.address);
        reply.resolve(frame.body);
        return;
      }
      for (const handler of this.handlers.get(frame.address) ?? []) handler(frame.body, frame);
    } else if (frame.type === 'err') {
      const reply = frame.address && this.replies.get(frame.address);
      if (reply) {
        this.#settle(frame.address);
        reply.reject(new EventBusError(frame.failureCode, frame.message, frame.failureType));
        return;
      }
      // A refusal by the bridge itself names no address, so it cannot be tied to a request.
      this.dispatchEvent(new CustomEvent('refused', { detail: frame }));
    }
  }

  #settle(replyAddress) {
    clearTimeout(this.replies.get(replyAddress).timer);
    this.replies.delete(replyAddress);
  }

  #teardown() {
    clearInterval(this.pingTimer);
    this.pingTimer = null;
    const pending = [...this.replies.values()];
    this.replies.clear();
    this.handlers.clear();
    for (const { reject, timer } of pending) {
      clearTimeout(timer);
      reject(new EventBusError(-1, 'connection closed', 'CLOSED'));
    }
  }
}
