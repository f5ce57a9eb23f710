// A webinar's questions, as the board's state holds them (docs/meeting-model.md, "Questions and votes"): the
// browser twin of org.aantafel.board.Questions, held to it by the shared vectors (rule-vectors.json, group
// questions). Pure functions, shared by the board page and the big screen. The server decides who may do what;
// these only decide what to show.

/** Whether everyone sees the question: approved (or from before moderation existed), not hidden. */
export function questionVisible(question) {
  return !question.deleted && (question.moderation === undefined || question.moderation === 'approved');
}

import { ownEntry, personalId } from './entity-rules.js';

/** The id of a participant's vote for a question: one per person per question, fixed by the server. */
export function voteId(questionId, participantId) {
  return personalId('vote', questionId, participantId);
}

/** Live votes (not taken back) per question id. */
export function voteCounts(state) {
  const counts = new Map();
  for (const entity of Object.values(state.entities)) {
    if (entity.kind !== 'vote' || entity.deleted || entity.withdrawn) continue;
    counts.set(entity.question, (counts.get(entity.question) ?? 0) + 1);
  }
  return counts;
}

/** Whether this participant's vote for the question counts now. */
export function hasVoted(state, questionId, participantId) {
  const vote = participantId ? ownEntry(state, 'vote', participantId, questionId)[1] : undefined;
  return Boolean(vote && !vote.deleted && !vote.withdrawn);
}

/**
 * The order questions (each {id, askedAt, order}) were asked in: by the server's stamp, which askers cannot tie as
 * they can tie the order keys of questions they could not see; questions from before the stamp by their order key,
 * before the stamped ones. The record lists them so (org.aantafel.board.Questions.AS_ASKED).
 */
export function askedOrder(a, b) {
  return (a.askedAt ?? 0) - (b.askedAt ?? 0) || compare(a.order ?? '', b.order ?? '') || compare(a.id, b.id);
}

/**
 * Questions (each {id, askedAt, order, votes, answered, ...}) in the order to show: open ones first, then answered
 * ones; within each, by most votes (ties: asked first) or by newest.
 */
export function sortQuestions(questions, sort) {
  return [...questions].sort((a, b) => Number(Boolean(a.answered)) - Number(Boolean(b.answered))
    || (sort === 'newest' ? askedOrder(b, a) : (b.votes ?? 0) - (a.votes ?? 0) || askedOrder(a, b)));
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
