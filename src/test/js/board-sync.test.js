// BoardSync, the browser's client half of OT, as the shipped module (webroot/js/sync/board-sync.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoardSync } from '../../../webroot/js/sync/board-sync.js';

const text = (edit) => ({ type: 'text', id: 'board', field: 'goal', edit });

test('keeps one submit in flight and acknowledges in revision order', () => {
  const s = new BoardSync('me');
  s.load(5, { board: { goal: 'abc' }, entities: {} });
  s.local([text([3, 'd'])]);
  s.local([text([4, 'e'])]);
  assert.equal(s.buffer.length, 1, 'keystrokes on one field are composed');
  assert.deepEqual(s.takeSubmit(), { clientId: 'me', seq: 1, baseRev: 5, ops: [text([3, 'de'])] }, 'first submit');
  assert.equal(s.takeSubmit(), null, 'only one submit in flight');
  s.local([text(['X', 5])]);
  assert.equal(s.status, 'awaiting-with-buffer');
  s.committed({ rev: 6, clientId: 'other', seq: 1, ops: [text(['R', 3])] });
  assert.equal(s.state.board.goal, 'RXabcde', 'remote applied after transforming over local');
  assert.equal(s.inflightSubmit().baseRev, 6, 'a resend is rebased on the current revision');
  s.acknowledged(1, { rev: 8 });
  assert.deepEqual([s.inflight !== null, s.hasGap], [true, true],
    'an ack waits for its revision, which carries the ops as applied');
  s.committed({ rev: 7, clientId: 'o2', seq: 1, ops: [text([1, 'Z', 3])] });
  assert.deepEqual([s.rev, s.inflight !== null], [7, true], 'revision 7 applied, ours still pending');
  s.committed({ rev: 8, clientId: 'me', seq: 1, ops: [text([5, 'de'])] });
  assert.deepEqual([s.rev, s.inflight, s.state.board.goal], [8, null, 'RZXabcde'],
    'our own revision confirms the in-flight submit');
  s.committed({ rev: 10, clientId: 'o', seq: 3, ops: [] });
  assert.equal(s.hasGap, true, 'gap noticed');
  s.committed({ rev: 9, clientId: 'o', seq: 2, ops: [] });
  assert.deepEqual([s.rev, s.hasGap], [10, false], 'gap closed');
  const second = s.takeSubmit();
  s.committed({ rev: 11, clientId: 'me', seq: second.seq, ops: second.ops });
  assert.deepEqual([s.rev, s.inflight, s.state.board.goal], [11, null, 'RZXabcde'], 'our published submit is its ack');
});

test('rebases on the ops the server applied, not on the ones it sent', () => {
  const s = new BoardSync('me', 4);
  s.load(1, { board: { phase: 'agenda' }, entities: {} });
  s.local([{ type: 'create', id: 'i1', kind: 'agendaItem', fields: { title: '', order: 'a0' } }]);
  assert.equal(s.takeSubmit().seq, 5, 'seq continues from the one a reloaded tab remembered');
  s.local([{ type: 'text', id: 'i1', field: 'title', edit: ['Hi'] }]);
  s.local([{ type: 'set', id: 'i1', field: 'timer', value: 'start' }]);
  const stamped = { title: '', order: 'a0', proposedBy: 'p1', proposedByName: 'Anna', proposedByRole: 'parent',
    late: true };
  s.committed({ rev: 2, clientId: 'o', seq: 1, ops: [text(['G'])] });
  const applied = s.committed({ rev: 3, clientId: 'me', seq: 5,
    ops: [{ type: 'create', id: 'i1', kind: 'agendaItem', fields: stamped }] });
  assert.deepEqual(applied.map((m) => m.own), [true], 'our revision is reported as our own');
  assert.deepEqual([s.confirmed.entities.i1.late, s.confirmed.entities.i1.title], [true, ''],
    'confirmed holds the stamped create only');
  assert.deepEqual([s.state.entities.i1.late, s.state.entities.i1.title, s.state.board.goal], [true, 'Hi', 'G'],
    'shown: confirmed + buffer');
  s.takeSubmit();
  s.committed({ rev: 4, clientId: 'me', seq: 6, ops: [{ type: 'text', id: 'i1', field: 'title', edit: ['Hi'] },
    { type: 'set', id: 'i1', field: 'timerElapsedMs', value: 0 },
    { type: 'set', id: 'i1', field: 'timerStartedAt', value: 99 }] });
  assert.deepEqual([s.state.entities.i1.timer, s.state.entities.i1.timerStartedAt, s.unsavedCount], [undefined, 99, 0],
    'a timer control is replaced by the sets the server made of it');
  s.local([{ type: 'set', id: 'i1', field: 'status', value: 'done' }]);
  s.dropPending();
  assert.equal(s.state.entities.i1.status, undefined, 'a refusal falls back to the confirmed state');
});

test('an acknowledgement of a revision already applied confirms at once', () => {
  const s = new BoardSync('me');
  s.load(3, { board: { goal: '' }, entities: {} });
  s.local([text(['a'])]);
  s.takeSubmit();
  s.committed({ rev: 4, clientId: 'o', seq: 1, ops: [] });
  // A duplicate after a reconnect: the server committed our submit before revision 4.
  assert.deepEqual(s.acknowledged(1, { rev: 2, duplicate: true }), [{ rev: 4, ops: [], own: true }]);
  assert.deepEqual([s.inflight, s.status], [null, 'synchronized']);
});

test('a revision the server names that has not arrived is a gap, until it arrives', () => {
  const s = new BoardSync('me');
  s.load(3, { board: { goal: 'abc' }, entities: {} });
  s.heardOf(3);
  s.heardOf(undefined);
  assert.equal(s.hasGap, false, 'the heartbeat named what we have, or nothing');
  s.heardOf(4);
  assert.equal(s.hasGap, true, 'the last revision was missed and nothing after it showed that');
  s.committed({ rev: 4, clientId: 'other', seq: 1, ops: [text([3, 'd'])] });
  assert.deepEqual([s.hasGap, s.state.board.goal], [false, 'abcd']);
  s.heardOf(2);
  assert.equal(s.hasGap, false, 'an older answer changes nothing');
});
