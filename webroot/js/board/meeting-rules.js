// The meeting's rules the page needs to show things, the browser twin of org.aantafel.board's Role, Side,
// AgendaBalance, Timers, PraatplaatTopic and BoardSchema.PHASES. The shared vectors (ot-vectors.json, groups
// roles, phases, topics, balances and timers) prove that both sides agree. Deciding what is allowed stays the
// server's job: nothing here refuses anything.

import { personalId } from './entity-rules.js';

// Role wire string -> side of the table, for the balance strip.
export const ROLE_SIDES = Object.freeze({
  parent: 'family',
  student: 'family',
  teacher: 'school',
  'care-coordinator': 'school',
  'youth-care': 'care',
  'parent-supporter': 'care',
  other: 'other',
});

export const SIDES = Object.freeze(['family', 'school', 'care', 'other']);

// In the order a meeting goes through them; a board's `phases` lists a subset in this order.
export const PHASES = Object.freeze(['prepare', 'checkin', 'goal', 'agenda', 'agreements', 'lookback', 'closed']);

// The praatplaat by Met Andere Ogen: what an evaluation of the collaboration takes one of.
export const PRAATPLAAT_TOPICS = Object.freeze([
  { topic: 'child', nl: 'Denk vanuit het kind', en: 'Think from the child' },
  { topic: 'possibilities', nl: 'Denk in mogelijkheden', en: 'Think in possibilities' },
  { topic: 'connection', nl: 'Zoek de verbinding met ouders', en: 'Seek connection with parents' },
  { topic: 'involveChildren', nl: 'Betrek kinderen bij je keuzes', en: 'Involve children in your choices' },
  { topic: 'parentExpertise', nl: 'Erken de expertise van ouders', en: 'Recognise the expertise of parents' },
  { topic: 'supportParents', nl: 'Bied ouders steun', en: 'Support parents' },
  { topic: 'workTogether', nl: 'Werk samen voor resultaat', en: 'Work together for results' },
  { topic: 'stayClose', nl: 'Sta dichtbij', en: 'Stay close' },
  { topic: 'positive', nl: 'Heb een positieve houding', en: 'Keep a positive attitude' },
].map(Object.freeze));

// The side of a role, or null for a role the board does not know.
export function sideOfRole(role) {
  return Object.hasOwn(ROLE_SIDES, role) ? ROLE_SIDES[role] : null;
}

// The phases a board uses: its `phases` field, or all of them on a board made before templates.
export function phasesOf(board) {
  return typeof board.phases === 'string' && board.phases !== '' ? board.phases.split(',') : [...PHASES];
}

// {family, school, care, other}: live agenda items by the side of their proposer. Template items have no proposer
// and are not counted: nobody at the table chose them.
export function agendaBalance(state) {
  const balance = { family: 0, school: 0, care: 0, other: 0 };
  for (const entity of Object.values(state.entities)) {
    if (entity.kind !== 'agendaItem' || entity.deleted || entity.removed) continue;
    const side = sideOfRole(entity.proposedByRole);
    if (side !== null) balance[side]++;
  }
  return balance;
}

// When the family has proposed nothing, the facilitator is prompted to ask them.
export function familyHasProposed(balance) {
  return balance.family > 0;
}

export function isTimerRunning(item) {
  return item.timerStartedAt !== undefined && item.timerStartedAt !== null;
}

// Time on an agenda item's clock at serverNowMs (the server's time: see serverNow). A clock that went backwards
// counts as no time passed, as on the server.
export function timerElapsedMs(item, serverNowMs) {
  const counted = item.timerElapsedMs ?? 0;
  return isTimerRunning(item) ? counted + Math.max(0, serverNowMs - item.timerStartedAt) : counted;
}

// An item's timebox in milliseconds; 0 when it has none.
export function timeboxMs(item) {
  return (item.timeboxMinutes ?? 0) * 60000;
}

// Time past the timebox at serverNowMs; null while within it or without one.
export function overTimeMs(item, serverNowMs) {
  const box = timeboxMs(item);
  const over = timerElapsedMs(item, serverNowMs) - box;
  return box > 0 && over >= 0 ? over : null;
}

// The server's time now, from the serverTime of the join reply and this browser's clock when that reply came:
// a browser whose clock is off still shows the same timer as everyone else.
export function serverNow(serverTimeAtJoin, localTimeAtJoin, localNow = Date.now()) {
  return serverTimeAtJoin + (localNow - localTimeAtJoin);
}

// Live polls, the twin of org.aantafel.board.Polls: options are one value, one option per line; an answer's id
// names its poll and its author, so each seated person has one answer per poll.
export const POLL_LIMITS = Object.freeze({ minOptions: 2, maxOptions: 10, option: 100, question: 300 });

export function pollOptions(poll) {
  return typeof poll?.options === 'string' && poll.options !== '' ? poll.options.split('\n') : [];
}

export function pollAnswerId(pollId, participantId) {
  return personalId('pollAnswer', pollId, participantId);
}

// {counts: [n per option], answered}: counted from the live answers to this poll, as the record counts them.
export function pollResults(state, pollId) {
  const counts = pollOptions(state.entities[pollId]).map(() => 0);
  for (const entity of Object.values(state.entities)) {
    if (entity.kind !== 'pollAnswer' || entity.deleted || entity.poll !== pollId) continue;
    if (Number.isInteger(entity.choice) && entity.choice >= 0 && entity.choice < counts.length) counts[entity.choice]++;
  }
  return { counts, answered: counts.reduce((a, b) => a + b, 0) };
}
