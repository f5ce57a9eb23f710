// Pure helpers the board page uses to turn typing and moves into ops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textDiff } from '../../../webroot/js/ui/text-diff.js';
import { keyBetween } from '../../../webroot/js/board/order-key.js';
import { orderedEntities, orderAtEnd, orderForMove } from '../../../webroot/js/ui/ordered-entities.js';

test('textDiff turns one changed span into an operation', () => {
  for (const [before, after] of [['', 'x'], ['abc', 'abXc'], ['aaa', 'aa'], ['hello world', 'hello brave new world'],
    ['abc', ''], ['ab😀cd', 'ab😁cd']]) {
    assert.equal(textDiff(before, after).apply(before), after, before + ' -> ' + after);
  }
  assert.equal(textDiff('same', 'same').isNoop(), true, 'no change is a no-op');
  assert.deepEqual(textDiff('abcd', 'abXd').toJSON(), [2, 'X', -1, 1],
    'replace in the middle (insert first, as ot.js normalises)');
});

test('order moves only rewrite the moved item', () => {
  const a = keyBetween(null, null);
  const b = keyBetween(a, null);
  const c = keyBetween(b, null);
  const state = { entities: { A: { kind: 'agendaItem', order: a }, B: { kind: 'agendaItem', order: b },
    C: { kind: 'agendaItem', order: c }, X: { kind: 'agendaItem', deleted: true } } };
  const items = () => orderedEntities(state, 'agendaItem');
  const ids = () => items().map((i) => i.id).join('');
  assert.equal(ids(), 'ABC', 'sorted, tombstones left out');
  state.entities.C.order = orderForMove(items(), 2, -1);
  assert.equal(ids(), 'ACB', 'moved up');
  state.entities.A.order = orderForMove(items(), 0, 1);
  assert.equal(ids(), 'CAB', 'moved down');
  assert.equal(orderForMove(items(), 0, -1), null, 'the first cannot move up');
  assert.ok(orderAtEnd(items()) > state.entities.B.order, 'append goes last');
});
