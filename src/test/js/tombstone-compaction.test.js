// The server forgets a tombstone once no browser can need it (docs/protocol.md, "Ops and state"); a browser that
// still holds it then receives a create of the same id, which replaces the tombstone as it does on the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyOps } from '../../../webroot/js/board/ops.js';

test('a committed create replaces a tombstone, and a live entity still cannot be created twice', () => {
  const state = { board: { goal: '' }, entities: { x: { kind: 'agendaItem', deleted: true } } };
  const next = applyOps(state, [{ type: 'create', id: 'x', kind: 'agendaItem', fields: { title: 'Again', order: 'a0' } }]);
  assert.deepEqual(next.entities.x, { kind: 'agendaItem', title: 'Again', order: 'a0' });
  assert.deepEqual(state.entities.x, { kind: 'agendaItem', deleted: true }, 'the given state is not touched');
  assert.throws(() => applyOps(next, [{ type: 'create', id: 'x', kind: 'agendaItem', fields: {} }]), /id already used/);
});
