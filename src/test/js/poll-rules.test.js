// The browser's poll helpers count as the server's record does: live answers to this poll, one per person.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pollAnswerId, pollOptions, pollResults } from '../../../webroot/js/board/polls.js';

test('poll results count the live answers to that poll per option', () => {
  const state = {
    board: {},
    entities: {
      poll1: { kind: 'poll', question: 'Komt u?', options: 'Ja\nNee\nMisschien', open: true, opened: true },
      poll2: { kind: 'poll', question: 'Anders', options: 'A\nB', open: true, opened: true },
      [pollAnswerId('poll1', 'p1')]: { kind: 'pollAnswer', poll: 'poll1', choice: 0, participantId: 'p1' },
      [pollAnswerId('poll1', 'p2')]: { kind: 'pollAnswer', poll: 'poll1', choice: 2, participantId: 'p2' },
      [pollAnswerId('poll1', 'p3')]: { kind: 'pollAnswer', poll: 'poll1', choice: 2, participantId: 'p3' },
      [pollAnswerId('poll2', 'p1')]: { kind: 'pollAnswer', poll: 'poll2', choice: 1, participantId: 'p1' },
      gone: { kind: 'pollAnswer', deleted: true },
    },
  };
  assert.deepEqual(pollOptions(state.entities.poll1), ['Ja', 'Nee', 'Misschien']);
  assert.deepEqual(pollResults(state, 'poll1'), { counts: [1, 0, 2], answered: 3 });
  assert.deepEqual(pollResults(state, 'poll2'), { counts: [0, 1], answered: 1 });
  assert.deepEqual(pollResults(state, 'nopoll'), { counts: [], answered: 0 });
  assert.equal(pollAnswerId('poll1', 'p1'), 'answer.poll1.p1');
});
