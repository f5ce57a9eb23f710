// The meeting's rules the page needs to show things, the browser twin of org.aantafel.board's Role, AgendaBalance,
// Timers and BoardSchema.PHASES; their words are board/choices.js's. The shared vectors (ot-vectors.json, groups
// roles, phases, balances and timers) prove that both sides agree. Deciding what is allowed stays the server's job:
// nothing here refuses anything.

import { FIELD_CHOICES, SIDES } from './choices.js';

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

// In the order a meeting goes through them; a board's `phases` lists a subset in this order.
export const PHASES = FIELD_CHOICES.board.phase;

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
  const balance = Object.fromEntries(SIDES.map((side) => [side, 0]));
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
