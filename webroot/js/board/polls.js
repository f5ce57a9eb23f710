// Live polls, the browser twin of org.aantafel.board.Polls: options are one value, one option per line; an answer's
// id names its poll and its author, so each seated person has one answer per poll. The shared vectors
// (rule-vectors.json, groups polls, pollOptionLists and pollLimits) hold both sides to the same reading.
import { personalId } from './entity-rules.js';

export const POLL_LIMITS = Object.freeze({ minOptions: 2, maxOptions: 10, option: 100, question: 300 });

export function pollOptions(poll) {
  return typeof poll?.options === 'string' && poll.options !== '' ? poll.options.split('\n') : [];
}

export function pollAnswerId(pollId, participantId) {
  return personalId('pollAnswer', pollId, participantId);
}

// {counts: [n per option], answered}: counted from the live answers to this poll, as the record counts them.
export function pollResults(state, pollId) {
  const poll = state.entities[pollId];
  const counts = pollOptions(poll?.deleted ? undefined : poll).map(() => 0);
  for (const entity of Object.values(state.entities)) {
    if (entity.kind !== 'pollAnswer' || entity.deleted || entity.poll !== pollId) continue;
    if (Number.isInteger(entity.choice) && entity.choice >= 0 && entity.choice < counts.length) counts[entity.choice]++;
  }
  return { counts, answered: counts.reduce((a, b) => a + b, 0) };
}

// What the server strips from an option and counts as blank: Java's whitespace, which leaves out the non-breaking
// spaces (U+00A0, U+2007, U+202F) that JavaScript's trim() takes.
const SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x20\\u1680\\u2000-\\u2006\\u2008-\\u200a\\u2028\\u2029\\u205f\\u3000]';
const strip = (option) => option.replace(new RegExp(`^${SPACE}+|${SPACE}+$`, 'g'), '');
const CONTROL = /[\x00-\x1f\x7f]/;

// Whether a poll accepts these options (its `options` value, one per line): 2 to 10, none blank or holding a
// control character, none longer than 100 characters, no two the same but for the spaces around them.
export function pollOptionsAccepted(value) {
  const options = pollOptions({ options: value });
  const stripped = options.map(strip);
  return options.length >= POLL_LIMITS.minOptions && options.length <= POLL_LIMITS.maxOptions
    && options.every((option, i) => stripped[i] !== '' && !CONTROL.test(option) && option.length <= POLL_LIMITS.option)
    && new Set(stripped).size === options.length;
}
