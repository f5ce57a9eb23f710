// BoardClient when a submit is refused as based on a revision the server no longer keeps (410, docs/protocol.md):
// it catches up and resends its edits transformed, or, when the catch-up is the whole board, rolls back visibly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoardClient } from '../../../webroot/js/sync/board-client.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

class FakeBus extends EventTarget {
  constructor() { super(); this.requests = []; this.isOpen = false; this.handlers = new Map(); }
  connect() { this.isOpen = true; queueMicrotask(() => this.dispatchEvent(new Event('open'))); }
  close() { this.isOpen = false; }
  request(address, body) { return new Promise((resolve, reject) => this.requests.push({ address, body, resolve, reject })); }
  register(address, handler) { this.handlers.set(address, handler); }
  send() {}
  pending(address) { return this.requests.filter((r) => !r.done && (!address || r.address === address)); }
  reply(r, body) { r.done = true; r.resolve(body); }
  fail(r, code) { r.done = true; r.reject(Object.assign(new Error('failed ' + code), { code })); }
}

/** A client joined at revision 3 with one submit of its own in flight. */
async function joinedWithSubmit() {
  const bus = new FakeBus();
  const client = new BoardClient({ boardId: 'B', token: 'T', name: 'n', role: 'parent', bus });
  const errors = [];
  client.addEventListener('error', (e) => errors.push(e.detail.message));
  client.start(); await tick();
  let [join] = bus.pending('board.join');
  bus.reply(join, { rev: 3, state: { board: { goal: 'ab' }, entities: {} }, you: { grant: 'participant' } });
  await tick();
  [join] = bus.pending('board.join');
  bus.reply(join, { rev: 3, ops: [], you: { grant: 'participant' } }); await tick();
  client.set('board', 'phase', 'goal');
  const [submit] = bus.pending('board.submit');
  return { bus, client, errors, submit };
}

function stop(client) {
  client.stop();
}

test('a submit refused as too old catches up and is sent again, transformed, same seq', async () => {
  const { bus, client, errors, submit } = await joinedWithSubmit();
  try {
    assert.deepEqual([submit.body.seq, submit.body.baseRev], [1, 3]);
    bus.fail(submit, 410); await tick();
    const [join] = bus.pending('board.join');
    assert.equal(join.body.sinceRev, 3, 'catches up from its own revision');
    assert.equal(client.unsavedCount, 1, 'the edit is kept while catching up');
    bus.reply(join, { rev: 4, you: { grant: 'participant' },
      ops: [{ rev: 4, clientId: 'other', seq: 9, ops: [{ type: 'text', id: 'board', field: 'goal', edit: ['Z', 2] }] }] });
    await tick();
    const [again] = bus.pending('board.submit');
    assert.deepEqual([again.body.seq, again.body.baseRev, again.body.ops], [1, 4, submit.body.ops],
      'resent on the new revision');
    assert.deepEqual(errors, [], 'nothing was lost, so nothing is reported');
    assert.equal(client.state.board.goal, 'Zab');
  } finally {
    stop(client);
  }
});

test('when the catch-up is the whole board, the edits are rolled back and the person is told', async () => {
  const { bus, client, errors, submit } = await joinedWithSubmit();
  try {
    bus.fail(submit, 410); await tick();
    const [join] = bus.pending('board.join');
    bus.reply(join, { rev: 900, state: { board: { goal: 'new' }, entities: {} }, you: { grant: 'participant' } });
    await tick();
    assert.deepEqual([client.rev, client.state.board.goal, client.state.board.phase, client.unsavedCount],
      [900, 'new', undefined, 0]);
    assert.deepEqual(errors, ['lost-edits']);
    assert.equal(bus.pending('board.submit').length, 0, 'nothing is resent');
  } finally {
    stop(client);
  }
});
