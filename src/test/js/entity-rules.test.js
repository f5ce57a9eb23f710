// The browser's copy of the entity rules (the table itself is checked against the server's through the shared
// vectors): what a page offers to remove and bring back, and which entry is a person's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KIND_RULES, mayChange, mayRemove, mayRestore, ownEntry, personalId } from '../../../webroot/js/board/entity-rules.js';

const anna = { participantId: 'pAnna', isFacilitator: false };
const bob = { participantId: 'pBob', isFacilitator: false };
const chair = { participantId: 'pChair', isFacilitator: true };

test('only what is removed with undo is offered for removal, to whom the table names', () => {
  for (const [kind, rules] of Object.entries(KIND_RULES)) {
    const item = { kind, proposedBy: 'pAnna' };
    assert.equal(mayRemove(item, chair), rules.ending === 'removed', kind);
    assert.equal(mayRemove(item, anna), rules.ending === 'removed', kind);
    assert.equal(mayRemove(item, bob), rules.ending === 'removed' && rules.ender === 'anyone', kind);
  }
  assert.equal(mayRemove({ kind: 'agendaItem' }, anna), false, "the template's items are the facilitator's");
  assert.equal(mayRemove({ kind: 'agendaItem' }, chair), true);
});

test("what an owner holds is theirs: an agenda item's title, a question's words, an evaluation's answers", () => {
  assert.equal(mayChange({ kind: 'agendaItem', proposedBy: 'pAnna' }, 'title', anna), true);
  assert.equal(mayChange({ kind: 'agendaItem', proposedBy: 'pAnna' }, 'title', bob), false);
  assert.equal(mayChange({ kind: 'agendaItem', proposedBy: 'pAnna' }, 'title', chair), true);
  assert.equal(mayChange({ kind: 'agendaItem', proposedBy: 'pAnna' }, 'notes', bob), true, 'notes are everyone\'s');
  assert.equal(mayChange({ kind: 'agendaItem' }, 'title', anna), false, "the template's items are the chair's");
  assert.equal(mayChange({ kind: 'question', proposedBy: 'pAnna' }, 'text', chair), false, 'never rewritten');
  assert.equal(mayChange({ kind: 'evaluation', assignedTo: 'pBob' }, 'goodAt', bob), true);
  assert.equal(mayChange({ kind: 'evaluation', assignedTo: 'pBob' }, 'goodAt', anna), false);
  assert.equal(mayChange({ kind: 'checkin', participantId: 'pAnna' }, 'text', chair), true);
  assert.equal(mayChange({ kind: 'goalCheck', participantId: 'pAnna' }, 'verdict', chair), false);
  assert.equal(mayChange({ kind: 'agreement' }, 'text', bob), true);
});

test('what was removed comes back by who removed it or the facilitator', () => {
  const removed = { kind: 'agreement', removed: true, removedBy: 'pAnna' };
  assert.equal(mayRestore(removed, anna), true);
  assert.equal(mayRestore(removed, bob), false);
  assert.equal(mayRestore(removed, chair), true);
  assert.equal(mayRestore({ kind: 'agreement', removed: true }, bob), false);
});

test("a person's own entry is found by its derived id, or by who it is stamped with on an older board", () => {
  const state = {
    board: {},
    entities: {
      [personalId('goalCheck', null, 'pAnna')]: { kind: 'goalCheck', verdict: 'met', participantId: 'pAnna' },
      'goalcheck-pBob': { kind: 'goalCheck', verdict: 'not', participantId: 'pBob' },
      'vote-q1-pBob': { kind: 'vote', question: 'q1', participantId: 'pBob' },
      'squat': { kind: 'agreement', participantId: 'pChair' },
    },
  };
  assert.deepEqual(ownEntry(state, 'goalCheck', 'pAnna'), ['goalCheck.pAnna', state.entities['goalCheck.pAnna']]);
  assert.deepEqual(ownEntry(state, 'goalCheck', 'pBob'), ['goalcheck-pBob', state.entities['goalcheck-pBob']]);
  assert.deepEqual(ownEntry(state, 'goalCheck', 'pChair'), ['goalCheck.pChair', undefined]);
  assert.deepEqual(ownEntry(state, 'vote', 'pBob', 'q1'), ['vote-q1-pBob', state.entities['vote-q1-pBob']]);
  assert.deepEqual(ownEntry(state, 'vote', 'pBob', 'q2'), ['vote.q2.pBob', undefined]);
  assert.deepEqual(ownEntry(state, 'pollAnswer', 'pAnna', 'poll1'), ['answer.poll1.pAnna', undefined]);
  assert.deepEqual(ownEntry(state, 'checkin', 'pAnna'), ['checkin.pAnna', undefined]);
});

test('a per-person id holds the one character no id a browser chooses may hold', () => {
  for (const [kind, rules] of Object.entries(KIND_RULES)) {
    if (!rules.personal) continue;
    assert.match(personalId(kind, 'parent', 'p1'), /\./, kind);
  }
});
