import test from 'node:test';
import assert from 'node:assert/strict';
import { hasVoted, questionVisible, sortQuestions, voteCounts, voteId } from '../../../webroot/js/board/questions.js';

const state = {
  board: {},
  entities: {
    q1: { kind: 'question', order: 'a0', text: 'first' },
    q2: { kind: 'question', order: 'a1', text: 'second', moderation: 'approved' },
    q3: { kind: 'question', order: 'a2', text: 'third', moderation: 'pending' },
    q4: { kind: 'question', order: 'a3', moderation: 'hidden' },
    [voteId('q2', 'pA')]: { kind: 'vote', question: 'q2', participantId: 'pA' },
    [voteId('q2', 'pB')]: { kind: 'vote', question: 'q2', participantId: 'pB' },
    [voteId('q1', 'pA')]: { kind: 'vote', question: 'q1', participantId: 'pA', withdrawn: true },
    [voteId('q1', 'pB')]: { kind: 'vote', deleted: true },
  },
};

test('votes are counted from the live votes that were not taken back', () => {
  const counts = voteCounts(state);
  assert.equal(counts.get('q2'), 2);
  assert.equal(counts.get('q1'), undefined);
  assert.equal(hasVoted(state, 'q2', 'pA'), true);
  assert.equal(hasVoted(state, 'q1', 'pA'), false);
  assert.equal(hasVoted(state, 'q1', null), false);
});

test('only approved questions, and those from before moderation, are visible to everyone', () => {
  assert.deepEqual(['q1', 'q2', 'q3', 'q4'].filter((id) => questionVisible(state.entities[id])), ['q1', 'q2']);
});

test('questions sort by votes or by newest, answered ones last', () => {
  const qs = [
    { id: 'q1', order: 'a0', votes: 1 },
    { id: 'q2', order: 'a1', votes: 3 },
    { id: 'q3', order: 'a2', votes: 1 },
    { id: 'q4', order: 'a3', votes: 9, answered: true },
  ];
  assert.deepEqual(sortQuestions(qs, 'votes').map((q) => q.id), ['q2', 'q1', 'q3', 'q4']);
  assert.deepEqual(sortQuestions(qs, 'newest').map((q) => q.id), ['q3', 'q2', 'q1', 'q4']);
});

test('who asked first is the server\'s stamp, not the order key a browser picked without seeing every question', () => {
  // Both askers saw no question, so both their browsers picked the first order key.
  const qs = [
    { id: 'b', order: 'a0', askedAt: 2000, votes: 0 },
    { id: 'a', order: 'a0', askedAt: 1000, votes: 0 },
    { id: 'old', order: 'a5', votes: 0 },
  ];
  assert.deepEqual(sortQuestions(qs, 'newest').map((q) => q.id), ['b', 'a', 'old']);
  assert.deepEqual(sortQuestions(qs, 'votes').map((q) => q.id), ['old', 'a', 'b']);
});
