// Runs ot-vectors.json against the browser modules, with the same checks as VectorChecks.java.
// Returns {total, failures: [string]} so that the Java test can say which cases failed.

import { TextOperation } from '/js/board/text-operation.js';
import { applyOps, transformIncoming, transformClient } from '/js/board/ops.js';
import { keyBetween } from '/js/board/order-key.js';
import { ROLE_SIDES, PHASES, PRAATPLAAT_TOPICS, agendaBalance, timerElapsedMs, isTimerRunning }
  from '/js/board/meeting-rules.js';

// JSON with sorted keys: the Java and JavaScript states differ only in key order.
function canonical(value) {
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  if (value && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
  }
  return JSON.stringify(value);
}

export async function runVectors(url) {
  const vectors = await (await fetch(url)).json();
  const failures = [];
  let total = 0;

  const forEach = (group, check) => vectors[group].forEach((c, i) => {
    total++;
    const fail = (message) => failures.push(`${group}[${i}] ${message}`);
    const expect = (key, actual) => {
      if (canonical(c[key]) !== canonical(actual)) fail(`${key}: expected ${canonical(c[key])} but was ${canonical(actual)}`);
    };
    try {
      check(c, expect, fail);
    } catch (e) {
      fail(String(e));
    }
  });

  forEach('text', (c, expect, fail) => {
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
  });

  forEach('normalise', (c, expect) => expect('output', TextOperation.fromJSON(c.input).toJSON()));

  vectors.invalidEdits.forEach((input) => {
    total++;
    try {
      TextOperation.fromJSON(input);
      failures.push(`invalidEdits ${JSON.stringify(input)}: accepted`);
    } catch (expected) {
      // refused, as it should be
    }
  });

  forEach('orderKeys', (c, expect) => {
    let key;
    try {
      key = keyBetween(c.a, c.b);
    } catch (e) {
      key = null;
    }
    expect('key', key);
  });

  forEach('opLists', (c, expect) => {
    const [localPrime, remotePrime] = transformClient(c.local, c.remote);
    const incomingPrime = transformIncoming(c.local, c.remote);
    expect('localPrime', localPrime);
    expect('remotePrime', remotePrime);
    expect('incomingPrime', incomingPrime);
    expect('final', applyOps(applyOps(c.state, c.remote), localPrime));
    expect('final', applyOps(applyOps(c.state, c.local), remotePrime));
    expect('final', applyOps(applyOps(c.state, c.remote), incomingPrime));
  });

  forEach('tables', (c, expect) => {
    expect('roles', ROLE_SIDES);
    expect('phases', PHASES);
    expect('topics', PRAATPLAAT_TOPICS);
  });

  forEach('balances', (c, expect) => expect('balance', agendaBalance(c.state)));

  forEach('timers', (c, expect) => {
    expect('elapsed', timerElapsedMs(c.item, c.now));
    expect('running', isTimerRunning(c.item));
  });

  return { total, failures };
}
