// The table of each entity kind's rules, the browser twin of org.aantafel.board.KindRules as BoardSchema declares
// it: who makes a kind, whose it is and which of its fields that person holds, how it ends (removed with undo,
// deleted, or kept) and who ends it, and whether it is one person's, with the id derived from them. The server
// decides; the page offers only what it allows. The shared vectors prove both sides hold the same table (ot-vectors,
// groups kindRules, personalIds) and answer alike on who may remove, restore, delete and change (rule-vectors, rights).

export const PERSONAL_SEPARATOR = '.';

const rules = (creator, ending, ender, { owner = null, personal = null, maxIdLength = 64 } = {}) =>
  Object.freeze({
    creator, ending, ender, owner: owner && Object.freeze(owner), personal: personal && Object.freeze(personal),
    maxIdLength,
  });
const owner = (field, facilitatorToo, ...fields) => ({ field, fields, facilitatorToo });
const personal = (prefix, parentField, facilitatorToo) => rules('participant', 'kept', 'nobody',
  { owner: owner('participantId', facilitatorToo), personal: { prefix, parentField } });

export const KIND_RULES = Object.freeze({
  agendaItem: rules('participant', 'removed', 'owner', { owner: owner('proposedBy', true, 'title') }),
  checkin: personal('checkin', null, true),
  agreement: rules('participant', 'removed', 'anyone'),
  action: rules('participant', 'removed', 'anyone'),
  goalCheck: personal('goalCheck', null, false),
  evaluation: rules('facilitator', 'deleted', 'facilitator',
    { owner: owner('assignedTo', true, 'howIsIt', 'goodAt', 'couldBetter') }),
  question: rules('participant', 'deleted', 'owner',
    { owner: owner('proposedBy', false, 'text', 'order'), maxIdLength: 36 }),
  vote: personal('vote', 'question', false),
  poll: rules('facilitator', 'deleted', 'facilitator', { maxIdLength: 36 }),
  pollAnswer: personal('answer', 'poll', false),
});

// Whether the entity is the actor's ({participantId, isFacilitator}) by the table: named by its owner field, or,
// with nobody named, the facilitator's.
function owns(item, actor) {
  const { owner } = KIND_RULES[item.kind];
  const named = item[owner.field];
  if (named === undefined || named === null) return actor.isFacilitator;
  return named === actor.participantId || (owner.facilitatorToo && actor.isFacilitator);
}

// Whether the table lets the actor change this field of the item (what the schema keeps for the facilitator aside).
export function mayChange(item, field, actor) {
  const owner = KIND_RULES[item.kind]?.owner;
  return !owner || (owner.fields.length > 0 && !owner.fields.includes(field)) || owns(item, actor);
}

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

// Whether the table lets the actor end the item the way its kind ends ('removed' or 'deleted').
function mayEnd(item, actor, ending) {
  const rules = KIND_RULES[item.kind];
  if (rules?.ending !== ending) return false;
  return rules.ender === 'anyone' || (rules.ender === 'owner' && owns(item, actor))
    || (rules.ender === 'facilitator' && actor.isFacilitator);
}

// Whether the table lets this person set `removed` on the item.
export function mayRemove(item, actor) {
  return mayEnd(item, actor, 'removed');
}

// Whether the table lets this person delete the item (withdraw a question, take back a poll or an evaluation).
export function mayDelete(item, actor) {
  return mayEnd(item, actor, 'deleted');
}

// Bringing something removed back is for who removed it, or the facilitator.
export function mayRestore(item, actor) {
  return KIND_RULES[item.kind]?.ending === 'removed'
    && (actor.isFacilitator || (Boolean(item.removedBy) && item.removedBy === actor.participantId));
}
