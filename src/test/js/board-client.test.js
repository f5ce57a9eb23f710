// BoardClient over a fake event bus: joins, catch-ups, resends and refusals, without a socket or a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoardClient, savingShown } from '../../../webroot/js/sync/board-client.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

// Records every request so that the test answers them one by one, as the server would.
class FakeBus extends EventTarget {
  constructor() { super(); this.requests = []; this.isOpen = false; this.handlers = new Map(); }
  connect() { this.isOpen = true; queueMicrotask(() => this.dispatchEvent(new Event('open'))); }
  close() { this.isOpen = false; }
  drop() {
    this.isOpen = false;
    for (const r of this.pending()) this.fail(r, -1);
    this.dispatchEvent(new Event('close'));
  }
  request(address, body) { return new Promise((resolve, reject) => this.requests.push({ address, body, resolve, reject })); }
  register(address, handler) { this.handlers.set(address, handler); }
  send() {}
  pending(address) { return this.requests.filter((r) => !r.done && (!address || r.address === address)); }
  reply(r, body) { r.done = true; r.resolve(body); }
  fail(r, code) { r.done = true; r.reject(Object.assign(new Error('failed ' + code), { code })); }
}

test('resends after a reconnect, retries on 503 and rolls back on 409', async () => {
  const bus = new FakeBus();
  const client = new BoardClient({ boardId: 'B', token: 'T', name: 'n', role: 'parent', bus });
  const errors = [];
  client.addEventListener('error', (e) => errors.push(e.detail.code));
  try {
    client.start(); await tick();
    let [join] = bus.pending('board.join');
    assert.equal(join.body.sinceRev, undefined, 'first join asks for the full state');
    bus.reply(join, { rev: 3, state: { board: { goal: 'ab' }, entities: {} }, you: { grant: 'participant' } });
    await tick();
    [join] = bus.pending('board.join');
    assert.equal(join.body.sinceRev, 3, 'after registering, one catch-up join fetches what was published in between');
    client.set('board', 'phase', 'goal');
    let [submit] = bus.pending('board.submit');
    assert.deepEqual([submit.body.seq, submit.body.baseRev], [1, 3], 'first submit');
    client.set('board', 'x', 1);
    bus.drop(); await tick();
    assert.equal(client.connection, 'reconnecting', 'status after losing the socket');
    clearTimeout(client.keeper.reconnectTimer); bus.connect(); await tick();
    [join] = bus.pending('board.join');
    assert.equal(join.body.sinceRev, 3, 'rejoin from the last applied revision');
    bus.reply(join, { rev: 4, you: { grant: 'participant' },
      ops: [{ rev: 4, clientId: 'other', seq: 9, ops: [{ type: 'text', id: 'board', field: 'goal', edit: ['Z', 2] }] }] });
    await tick();
    [submit] = bus.pending('board.submit');
    assert.deepEqual([submit.body.seq, submit.body.baseRev], [1, 4], 'the unacknowledged submit is resent, same seq');
    [join] = bus.pending('board.join');
    bus.reply(join, { rev: 4, ops: [], you: { grant: 'participant' } }); await tick();
    assert.equal(bus.pending('board.join').length, 0, 'one catch-up join per socket, not more');
    bus.fail(submit, 503); await tick();
    assert.equal(client.unsavedCount, 2, 'a 503 keeps the edits');
    bus.handlers.get('board.B.ops')({ rev: 5, clientId: 'other', seq: 10, ops: [] }); await tick();
    [submit] = bus.pending('board.submit');
    assert.equal(submit.body.seq, 1, 'retried with the same seq');
    bus.reply(submit, { rev: 6, duplicate: true }); await tick();
    assert.equal(bus.pending('board.submit').length, 0, 'nothing more is sent before revision 6 itself arrives');
    bus.handlers.get('board.B.ops')({ rev: 6, clientId: client.clientId, seq: 1,
      ops: [{ type: 'set', id: 'board', field: 'phase', value: 'goal' }] }); await tick();
    [submit] = bus.pending('board.submit');
    assert.deepEqual([submit.body.seq, submit.body.baseRev], [2, 6], 'then the buffer');
    bus.fail(submit, 409); await tick();
    [join] = bus.pending('board.join');
    assert.deepEqual([join.body.sinceRev, errors, client.unsavedCount], [undefined, [409], 0],
      'a refusal drops the edits and rejoins fresh');
    bus.reply(join, { rev: 7, state: { board: { goal: 'Zab', phase: 'goal' }, entities: {} },
      you: { grant: 'participant' } });
    await tick();
    assert.deepEqual([client.rev, client.state.board.x], [7, undefined], 'rolled back to the server state');
  } finally {
    client.stop();
  }
});

test('revisions that come together as {changes} are applied in order, our own one among them', async () => {
  const bus = new FakeBus();
  const client = new BoardClient({ boardId: 'B', token: 'T', name: 'n', role: 'parent', bus });
  const changes = [];
  client.addEventListener('change', (e) => changes.push(e.detail));
  try {
    client.start(); await tick();
    let [join] = bus.pending('board.join');
    bus.reply(join, { rev: 1, state: { board: { goal: 'ab' }, entities: {} }, you: { grant: 'participant' } });
    await tick();
    [join] = bus.pending('board.join');
    bus.reply(join, { rev: 1, ops: [], you: { grant: 'participant' } }); await tick();
    client.set('board', 'phase', 'goal');
    const [submit] = bus.pending('board.submit');
    bus.reply(submit, { rev: 3 }); await tick();
    bus.handlers.get('board.B.ops')({ changes: [
      { rev: 2, clientId: 'other', seq: 1, ops: [{ type: 'text', id: 'board', field: 'goal', edit: ['Z', 2] }] },
      { rev: 3, clientId: client.clientId, seq: 1, ops: [{ type: 'set', id: 'board', field: 'phase', value: 'goal' }] },
      { rev: 4, clientId: 'other', seq: 2, ops: [{ type: 'text', id: 'board', field: 'goal', edit: [3, '!'] }] },
    ] });
    await tick();
    assert.deepEqual([client.rev, client.state.board.goal, client.state.board.phase, client.unsavedCount],
      [4, 'Zab!', 'goal', 0]);
    assert.deepEqual(changes.filter((c) => c.rev).map((c) => [c.rev, c.own]), [[2, false], [3, true], [4, false]]);
    assert.equal(bus.pending('board.join').length, 0, 'no gap, so no catch-up');
  } finally {
    client.stop();
  }
});

test('what is shown of the edits comes from the socket and the session together', () => {
  const shown = (connection, missedBeats, unsaved, sinceProgress) =>
    savingShown({ connection, missedBeats, unsaved, progressAt: 0, now: sinceProgress });
  assert.deepEqual([shown('connected', 0, 0, 0), shown('connected', 1, 0, 0), shown('reconnecting', 0, 0, 0)],
    ['saved', 'idle', 'idle']);
  assert.deepEqual([shown('connected', 0, 2, 4000), shown('connected', 0, 2, 6000), shown('connected', 1, 2, 0),
    shown('offline', 0, 2, 0)], ['saving', 'waiting', 'waiting', 'waiting']);
});

test("the status shown is the session's while joined, else the keeper's", async () => {
  const bus = new FakeBus();
  const client = new BoardClient({ boardId: 'B', token: 'T', name: 'n', role: 'parent', bus });
  const shown = [];
  client.addEventListener('status', (e) => shown.push(e.detail.connection));
  try {
    client.start(); await tick();
    assert.equal(client.connection, 'reconnecting', 'a socket, but not joined yet');
    const [join] = bus.pending('board.join');
    bus.reply(join, { rev: 1, state: { board: {}, entities: {} }, you: { grant: 'participant' } }); await tick();
    assert.equal(client.connection, 'connected');
    bus.drop(); await tick();
    assert.equal(client.connection, 'reconnecting');
    bus.handlers.get('board.B.ops')({ deleted: true }); await tick();
    assert.equal(client.connection, 'offline', 'a deleted board is the end');
    assert.deepEqual([...new Set(shown)], ['reconnecting', 'connected', 'offline']);
  } finally {
    client.stop();
  }
});
