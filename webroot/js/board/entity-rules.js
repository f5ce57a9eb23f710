// The table of each entity kind's rules, the browser twin of org.aantafel.board.KindRules as BoardSchema declares
// it: who makes a kind, how it ends (removed with undo, deleted, or kept), who removes it, and whether it is one
// person's, with the id derived from them. The shared vectors (ot-vectors.json, groups kindRules and personalIds)
// prove that both sides hold the same table. The server decides; the page uses this to offer only what it allows.

export const PERSONAL_SEPARATOR = '.';

const rules = (creator, ending, remover, personal = null, maxIdLength = 64) =>
  Object.freeze({ creator, ending, remover, personal: personal && Object.freeze(personal), maxIdLength });
const personal = (prefix, parentField, facilitatorEdits) =>
  rules('participant', 'kept', 'nobody', { prefix, parentField, facilitatorEdits });

export const KIND_RULES = Object.freeze({
  agendaItem: rules('participant', 'removed', 'proposerOrFacilitator'),
  checkin: personal('checkin', null, true),
  agreement: rules('participant', 'removed', 'anyone'),
  action: rules('participant', 'removed', 'anyone'),
  goalCheck: personal('goalCheck', null, false),
  evaluation: rules('facilitator', 'deleted', 'nobody'),
  question: rules('participant', 'deleted', 'nobody', null, 36),
  vote: personal('vote', 'question', false),
  poll: rules('facilitator', 'deleted', 'nobody', null, 36),
  pollAnswer: personal('answer', 'poll', false),
});

// The id of a participant's own entity of this kind (for a vote: for this question; an answer: for this poll).
export function personalId(kind, parentId, participantId) {
  const { prefix, parentField } = KIND_RULES[kind].personal;
  const sep = PERSONAL_SEPARATOR;
  return parentField === null ? `${prefix}${sep}${participantId}` : `${prefix}${sep}${parentId}${sep}${participantId}`;
}

// [id, entity] of this participant's live entry of the kind (and parent), or [id to create it with, undefined].
// An entry from before the ids were derived this way is found by who it is stamped with, so nobody gets two.
export function ownEntry(state, kind, participantId, parentId = null) {
  const id = personalId(kind, parentId, participantId);
  if (state.entities[id]) return [id, state.entities[id]];
  const { parentField } = KIND_RULES[kind].personal;
  const earlier = Object.entries(state.entities).find(([, e]) => e.kind === kind && !e.deleted
    && e.participantId === participantId && (parentField === null || e[parentField] === parentId));
  return earlier ?? [id, undefined];
}

// Whether the table lets this person set `removed` on the item (actor: {participantId, isFacilitator}).
export function mayRemove(item, actor) {
  const { ending, remover } = KIND_RULES[item.kind] ?? {};
  if (ending !== 'removed') return false;
  return remover === 'anyone' || actor.isFacilitator
    || (remover === 'proposerOrFacilitator' && Boolean(item.proposedBy) && item.proposedBy === actor.participantId);
}

// Bringing something back is for who removed it, or the facilitator.
export function mayRestore(item, actor) {
  return actor.isFacilitator || (Boolean(item.removedBy) && item.removedBy === actor.participantId);
}
