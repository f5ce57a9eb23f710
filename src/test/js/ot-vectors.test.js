// The shared vectors (src/test/resources/vectors/ot-vectors.json, written by OtVectorGenerator from the Java
// implementation) against the shipped browser modules, with the same checks as VectorChecks.java.
import assert from 'node:assert/strict';
import { TextOperation } from '../../../webroot/js/board/text-operation.js';
import { applyOps, transformIncoming, transformClient } from '../../../webroot/js/board/ops.js';
import { keyBetween } from '../../../webroot/js/board/order-key.js';
import { ROLE_SIDES, PHASES, agendaBalance, timerElapsedMs, isTimerRunning }
  from '../../../webroot/js/board/meeting-rules.js';
import { TOPICS } from '../../../webroot/js/board/choices.js';
import { nl } from '../../../webroot/js/i18n/nl.js';
import { en } from '../../../webroot/js/i18n/en.js';
import { KIND_RULES, personalId } from '../../../webroot/js/board/entity-rules.js';
import { canonical, testVectorGroups } from './vector-groups.js';

const checks = {
  text(c, expect, fail) {
    const a = TextOperation.fromJSON(c.a);
    const b = TextOperation.fromJSON(c.b);
    const next = TextOperation.fromJSON(c.next);
    const [aPrime, bPrime] = TextOperation.transform(a, b);
    expect('a', a.toJSON());
    expect('aPrime', aPrime.toJSON());
    expect('bPrime', bPrime.toJSON());
    expect('afterA', a.apply(c.doc));
    expect('converged', bPrime.apply(a.apply(c.doc)));
    expect('converged', aPrime.apply(b.apply(c.doc)));
    expect('composed', a.compose(next).toJSON());
    expect('afterComposed', a.compose(next).apply(c.doc));
    for (const [index, moved] of c.indexes) {
      const actual = a.transformIndex(index);
      if (actual !== moved) fail(`transformIndex(${index}) = ${actual}, expected ${moved}`);
    }
  },
  normalise: (c, expect) => expect('output', TextOperation.fromJSON(c.input).toJSON()),
  invalidEdits: (input) => assert.throws(() => TextOperation.fromJSON(input), Error, 'accepted'),
  orderKeys(c, expect) {
    let key;
    try {
      key = keyBetween(c.a, c.b);
    } catch {
      key = null;
    }
    expect('key', key);
  },
  opLists(c, expect) {
    const [localPrime, remotePrime] = transformClient(c.local, c.remote);
    const incomingPrime = transformIncoming(c.local, c.remote);
    expect('localPrime', localPrime);
    expect('remotePrime', remotePrime);
    expect('incomingPrime', incomingPrime);
    expect('final', applyOps(applyOps(c.state, c.remote), localPrime));
    expect('final', applyOps(applyOps(c.state, c.local), remotePrime));
    expect('final', applyOps(applyOps(c.state, c.remote), incomingPrime));
  },
  tables(c, expect) {
    expect('roles', ROLE_SIDES);
    expect('phases', PHASES);
    // The record prints the praatplaat's topics (PraatplaatTopic) as the page names them.
    expect('topics', TOPICS.map((topic) => ({ topic, nl: nl.topics[topic], en: en.topics[topic] })));
  },
  balances: (c, expect) => expect('balance', agendaBalance(c.state)),
  // Each viewer gets from the board they were shown at the start, through what they were shown of every change,
  // to the board they are shown at the end, without an op the browser cannot apply.
  screenings(c, expect, fail) {
    for (const view of c.views) {
      let state = view.start;
      view.shown.forEach((ops) => { state = applyOps(state, ops); });
      if (canonical(state) !== canonical(view.end)) {
        fail(`viewer ${view.participantId ?? 'public'}: ended in ${canonical(state)}, shown ${canonical(view.end)}`);
      }
    }
  },
  // A committed create replaces a tombstone the server has already forgotten (docs/protocol.md, "Ops and state").
  replays: (c, expect) => expect('final', applyOps(c.state, c.ops)),
  timers(c, expect) {
    expect('elapsed', timerElapsedMs(c.item, c.now));
    expect('running', isTimerRunning(c.item));
  },
  kindRules: (c, expect) => expect('table', KIND_RULES),
  personalIds: (c, expect) => expect('id', personalId(c.kind, c.parent, c.participantId)),
};

testVectorGroups('ot-vectors.json', checks);
