// The board session's decisions as recorded traces: board-session-traces.json holds event sequences and, after each
// event, the actions the shipped board-session.js took and the state it was left in. This test drives the module
// through the written scenarios and seeded random meetings and must get the file exactly; the Java twin
// (testsupport/BoardSessionTwin) replays the same file in BoardSessionTracesTest. A change of policy on one side only
// fails one of the two. After a deliberate change of policy: UPDATE_VECTORS=1 node --test this file, then make the
// Java twin agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { BoardSession } from '../../../webroot/js/sync/board-session.js';
import { BoardSync } from '../../../webroot/js/sync/board-sync.js';
import { KEEPER_TIMINGS, reconnectDelay } from '../../../webroot/js/sync/connection-keeper.js';
import { REQUEST_TIMEOUT_MS } from '../../../webroot/js/sync/eventbus-client.js';

const FILE = new URL('../resources/vectors/board-session-traces.json', import.meta.url);
const ME = 'me';
const set = (field, value) => ({ type: 'set', id: 'board', field, value });
const change = (rev, clientId, seq, ops) => ({ rev, clientId, seq, ops });
const whole = (rev, goal = 'g') => ({ rev, state: { board: { goal }, entities: {} }, you: { grant: 'participant' } });
const since = (rev, ops = []) => ({ rev, ops, you: { grant: 'participant' } });
// Fields whose values the Java board checks too: only legal values, so that both sides apply every revision.
const PHASES = ['prepare', 'checkin', 'goal', 'agenda', 'agreements', 'lookback'];
const TEMPLATES = ['empty', 'driehoeksgesprek', 'startgesprek', 'zorgoverleg', 'ouderavond', 'webinar'];
const other = (rev) => change(rev, 'other', rev, [set('template', TEMPLATES[rev % TEMPLATES.length])]);

// Joined at revision 3, the socket's catch-up join answered: where most scenarios start.
const live = [
  { event: 'opened' },
  { event: 'joinAnswered', reply: whole(3) },
  { event: 'joinAnswered', sinceRev: 3, reply: since(3) },
];

const SCENARIOS = {
  'first join loads the board, registers, then catches up once from its revision': live,
  'an edit is sent, acknowledged, and comes back as our revision': [...live,
    { event: 'edited', ops: [set('phase', 'goal')] },
    { event: 'edited', ops: [set('language', 'en')] },
    { event: 'acknowledged', seq: 1, reply: { rev: 4 } },
    { event: 'received', message: change(4, ME, 1, [set('phase', 'goal')]) }],
  'edits made before the join wait for it': [{ event: 'opened' },
    { event: 'edited', ops: [set('phase', 'goal')] },
    { event: 'joinAnswered', reply: whole(2) },
    { event: 'joinAnswered', sinceRev: 2, reply: since(3, [other(3)]) }],
  'a lost socket: the next join catches up from our revision and the submit goes again, same seq': [...live,
    { event: 'edited', ops: [set('phase', 'goal')] },
    { event: 'lost' },
    { event: 'submitFailed', code: -1 },
    { event: 'edited', ops: [set('language', 'en')] },
    { event: 'opened' },
    { event: 'joinAnswered', sinceRev: 3, reply: since(4, [other(4)]) },
    { event: 'timerFired', timer: 'retry' }],
  '429, 503, a timeout and a missing code are retried later, same seq': [...live,
    { event: 'edited', ops: [set('phase', 'goal')] },
    { event: 'submitFailed', code: 429 },
    { event: 'timerFired', timer: 'retry' },
    { event: 'submitFailed', code: 503 },
    { event: 'timerFired', timer: 'retry' },
    { event: 'submitFailed', code: -1 },
    { event: 'timerFired', timer: 'retry' },
    { event: 'submitFailed' },
    { event: 'timerFired', timer: 'retry' },
    { event: 'acknowledged', seq: 1, reply: { rev: 4, duplicate: true } }],
  'a refusal rolls the edits back and joins for the whole board': [400, 403, 404, 409, 413].map((code) => [...live,
    { event: 'edited', ops: [set('phase', 'goal')] },
    { event: 'edited', ops: [set('language', 'en')] },
    { event: 'submitFailed', code },
    { event: 'joinAnswered', reply: whole(5, 'server') }]).flat(),
  'an unknown failure changes nothing until something else flushes': [...live,
    { event: 'edited', ops: [set('phase', 'goal')] },
    { event: 'submitFailed', code: 500 },
    { event: 'received', message: other(4) }],
  'too old (410): catch up from our revision, resend transformed': [...live,
    { event: 'edited', ops: [set('phase', 'goal')] },
    { event: 'submitFailed', code: 410 },
    { event: 'joinAnswered', sinceRev: 3, reply: since(5, [other(4), other(5)]) }],
  'too old, and the catch-up is the whole board: the edits are lost, visibly': [...live,
    { event: 'edited', ops: [set('phase', 'goal')] },
    { event: 'submitFailed', code: 410 },
    { event: 'joinAnswered', sinceRev: 3, reply: whole(900, 'new') }],
  'a gap waits, then joins from the last applied revision; a second gap waits on the same timer': [...live,
    { event: 'received', message: other(5) },
    { event: 'received', message: other(6) },
    { event: 'timerFired', timer: 'gap' },
    { event: 'joinAnswered', sinceRev: 3, reply: since(6, [other(4), other(5), other(6)]) },
    { event: 'received', message: other(8) },
    { event: 'received', message: other(7) },
    { event: 'timerFired', timer: 'gap' }],
  'an acknowledged revision that does not arrive is a gap': [...live,
    { event: 'edited', ops: [set('phase', 'goal')] },
    { event: 'acknowledged', seq: 1, reply: { rev: 5 } },
    { event: 'timerFired', timer: 'gap' },
    { event: 'joinAnswered', sinceRev: 3, reply: since(5, [other(4), change(5, ME, 1, [set('phase', 'goal')])]) }],
  'a heartbeat naming a newer revision shows a gap': [...live,
    { event: 'heardOf', rev: 3 },
    { event: 'heardOf', rev: 4 },
    { event: 'timerFired', timer: 'gap' }],
  'revisions that come together': [...live,
    { event: 'edited', ops: [set('phase', 'goal')] },
    { event: 'acknowledged', seq: 1, reply: { rev: 5 } },
    { event: 'received', message: { changes: [other(4), change(5, ME, 1, [set('phase', 'goal')]), other(6)] } }],
  'a failed join starts over on a new socket; a seat not known joins with the link; 403 and 404 give up': [
    { event: 'opened' },
    { event: 'joinFailed', code: -1, withSeat: true, withToken: true },
    { event: 'joinFailed', code: 503 },
    { event: 'joinFailed', code: 403, withSeat: true, withToken: true },
    { event: 'joinFailed', code: 403, withSeat: true },
    { event: 'opened' }],
  'a join refused with 404 gives up': [{ event: 'opened' }, { event: 'joinFailed', code: 404 }],
  'a deleted board gives up; so does a removed seat, forgetting it': [...live,
    { event: 'received', message: { seatRemoved: true } },
    { event: 'received', message: other(4) },
    ...live.slice(0, 1),
    { event: 'received', message: { deleted: true } }],
  'joining again under another name only while joined': [{ event: 'rejoin' }, ...live, { event: 'rejoin' },
    { event: 'lost' }, { event: 'rejoin' }],
  'a revision that does not apply throws our copy away': [...live,
    { event: 'received', message: change(4, 'other', 1, [{ type: 'delete', id: 'nothing-of-that-id' }]) }],
  'a slow board at a tenth of the time': [...live,
    { event: 'edited', ops: [set('phase', 'goal')] },
    { event: 'submitFailed', code: 503 },
    { event: 'received', message: other(5) }],
};

// A seeded meeting of the session with a small server: edits, acks, refusals, losses and revisions out of order,
// each answered as the server would (a join from a revision gets what came since, or the whole board).
function randomMeeting(seed) {
  let x = seed;
  const random = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const server = { rev: 3, log: [], board: { goal: 'g' } };
  const commit = (clientId, seq, ops) => {
    const message = change(++server.rev, clientId, seq, ops);
    server.log.push(message);
    for (const op of ops) server.board[op.field] = op.value;
    return message;
  };
  const events = [...live];
  const session = play(events).session;
  let joins = [];
  let submit = null;
  let unseen = [];
  for (let n = 0; n < 40; n++) {
    const choices = ['edit', 'other', 'other', 'lost', 'gap', 'retry', 'heard'];
    if (submit) choices.push('ack', 'ack', 'fail');
    if (joins.length) choices.push('answer', 'answer', 'joinFail');
    if (unseen.length) choices.push('deliver', 'deliver');
    if (!session.joined) choices.push('open');
    let event;
    switch (pick(choices)) {
      case 'edit': event = { event: 'edited', ops: [random() < 0.5 ? set('phase', pick(PHASES)) : set('language', pick(['nl', 'en']))] }; break;
      case 'other': unseen.push(commit('other', n, [set('template', pick(TEMPLATES))])); continue;
      case 'deliver': event = { event: 'received', message: unseen.splice(Math.floor(random() * unseen.length), 1)[0] }; break;
      case 'lost': event = { event: 'lost' }; break;
      case 'open': event = { event: 'opened' }; break;
      case 'gap': event = { event: 'timerFired', timer: 'gap' }; break;
      case 'retry': event = { event: 'timerFired', timer: 'retry' }; break;
      case 'heard': event = { event: 'heardOf', rev: server.rev }; break;
      case 'ack': {
        const mine = server.log.find((m) => m.clientId === ME && m.seq === submit.seq)
          ?? commit(ME, submit.seq, submit.ops);
        unseen.push(mine);
        event = { event: 'acknowledged', seq: submit.seq, reply: { rev: mine.rev } };
        submit = null;
        break;
      }
      case 'fail': event = { event: 'submitFailed', code: pick([-1, 429, 503, 410, 409, 500]) }; submit = null; break;
      case 'answer': {
        const { sinceRev } = joins.shift();
        const tooOld = sinceRev !== undefined && sinceRev < server.rev - 6;
        event = sinceRev === undefined || tooOld
          ? { event: 'joinAnswered', sinceRev, reply: { rev: server.rev, state: { board: { ...server.board }, entities: {} } } }
          : { event: 'joinAnswered', sinceRev, reply: since(server.rev, server.log.filter((m) => m.rev > sinceRev)) };
        break;
      }
      case 'joinFail': joins.shift(); event = { event: 'joinFailed', code: pick([-1, 503, 403]), withSeat: true }; break;
      default: throw new Error('unreachable');
    }
    if (event.event === 'lost') { joins = []; submit = null; unseen = []; }
    events.push(event);
    for (const action of perform(session, event)) {
      if (action.do === 'join') joins.push(action);
      if (action.do === 'submit') submit = action.submit;
      if (action.do === 'reconnect') { joins = []; submit = null; }
    }
    if (session.stopped) break;
  }
  return events;
}

function perform(session, step) {
  switch (step.event) {
    case 'opened': return session.opened();
    case 'rejoin': return session.rejoin();
    case 'lost': return session.lost();
    case 'joinAnswered': return session.joinAnswered(step.sinceRev, structuredClone(step.reply));
    case 'joinFailed': return session.joinFailed(step.code, { withSeat: step.withSeat, withToken: step.withToken });
    case 'edited': return session.edited(structuredClone(step.ops));
    case 'received': return session.received(structuredClone(step.message));
    case 'acknowledged': return session.acknowledged(step.seq, step.reply);
    case 'submitFailed': return session.submitFailed(step.code);
    case 'heardOf': return session.heardOf(step.rev);
    case 'timerFired': return session.timerFired(step.timer);
    default: throw new Error('unknown event ' + step.event);
  }
}

// The decision is every field that is not an object: what to act with (the submit, the applied revision) is not.
const decision = (action) => Object.fromEntries(Object.entries(action).filter(([, v]) => typeof v !== 'object'));
const after = (session) => ({ joined: session.joined, loaded: session.loaded, sending: session.sending,
  stopped: session.stopped, rev: session.sync.rev, unsaved: session.sync.unsavedCount, status: session.sync.status,
  hasGap: session.sync.hasGap });

function play(events, timeScale = 1) {
  const session = new BoardSession(new BoardSync(ME, 0), { timeScale });
  const steps = events.map((event) => ({ ...event, actions: perform(session, event).map(decision), after: after(session) }));
  return { session, steps };
}

function record() {
  const traces = Object.entries(SCENARIOS).map(([name, events]) => {
    const timeScale = name.startsWith('a slow board') ? 0.1 : 1;
    return { name, timeScale, steps: play(events, timeScale).steps };
  });
  for (let seed = 1; seed <= 30; seed++) {
    traces.push({ name: `random meeting ${seed}`, timeScale: 1, steps: play(randomMeeting(seed)).steps });
  }
  // The socket's side, which the simulations' clients keep as the browser does: its waits and the backoff.
  const keeper = { ...KEEPER_TIMINGS, requestTimeoutMs: REQUEST_TIMEOUT_MS,
    reconnectDelays: Array.from({ length: 9 }, (_, attempts) => ({ attempts, ...reconnectDelay(attempts) })) };
  return { clientId: ME, keeper, traces };
}

// JSON round trip: the file has no undefined fields.
const recorded = JSON.parse(JSON.stringify(record()));
if (process.env.UPDATE_VECTORS) writeFileSync(FILE, JSON.stringify(recorded, null, 1) + '\n');
const file = JSON.parse(readFileSync(FILE, 'utf8'));

test('the traces cover every decision and every event', () => {
  const steps = file.traces.flatMap((t) => t.steps);
  assert.deepEqual([...new Set(steps.flatMap((s) => s.actions.map((a) => a.do)))].sort(),
    ['changed', 'diverged', 'forgetSeat', 'giveUp', 'join', 'joined', 'lostEdits', 'reconnect', 'register', 'reset',
      'rollBack', 'submit', 'wait']);
  assert.deepEqual([...new Set(steps.map((s) => s.event))].sort(), ['acknowledged', 'edited', 'heardOf',
    'joinAnswered', 'joinFailed', 'lost', 'opened', 'received', 'rejoin', 'submitFailed', 'timerFired']);
  assert.ok(steps.some((s) => s.actions.some((a) => a.do === 'submit' && a.resend)), 'a resend');
});

test('the connection keeper\'s waits are as recorded', () => assert.deepEqual(recorded.keeper, file.keeper));

test('the scenarios give the recorded traces', () => {
  assert.equal(file.traces.length, recorded.traces.length);
  recorded.traces.forEach((trace, t) => assert.deepEqual(trace, file.traces[t], trace.name));
});

file.traces.forEach((trace) => {
  test(`${trace.name}: board-session.js decides as recorded`, () => {
    const session = new BoardSession(new BoardSync(file.clientId, 0), { timeScale: trace.timeScale });
    trace.steps.forEach((step, s) => {
      const where = `step ${s} (${step.event})`;
      assert.deepEqual(JSON.parse(JSON.stringify(perform(session, step).map(decision))), step.actions, where);
      assert.deepEqual(after(session), step.after, where);
    });
  });
});
