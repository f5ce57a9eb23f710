// The recorded client calls of client-sync-traces.json (written by ClientSyncTraces.java, replayed in Java by
// ClientSyncTracesTest through the Java test client) through the shipped BoardSync: the same results, step by step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BoardSync } from '../../../webroot/js/sync/board-sync.js';

const { traces } = JSON.parse(
  readFileSync(new URL('../resources/vectors/client-sync-traces.json', import.meta.url), 'utf8'));

const applied = (list) => list.map((m) => ({ rev: m.rev, ops: m.ops, own: Boolean(m.own) }));

function perform(sync, step) {
  switch (step.call) {
    case 'local': sync.local(step.ops); return null;
    case 'takeSubmit': return sync.takeSubmit();
    case 'inflightSubmit': return sync.inflightSubmit();
    case 'committed': return applied(sync.committed(step.message));
    case 'acknowledged': return applied(sync.acknowledged(step.seq, { rev: step.replyRev }));
    default: throw new Error('unknown call ' + step.call);
  }
}

const after = (sync) => ({ rev: sync.rev, status: sync.status, unsavedCount: sync.unsavedCount,
  hasGap: sync.hasGap, state: sync.state });

test('the recorded traces cover what matters', () => {
  const calls = new Set(traces.flatMap((t) => t.steps.map((s) => s.call)));
  assert.deepEqual([...calls].sort(), ['acknowledged', 'committed', 'inflightSubmit', 'local', 'takeSubmit']);
  assert.ok(traces.some((t) => t.steps.some((s) => s.after.hasGap)), 'revisions arrive out of order');
});

traces.forEach((trace, t) => {
  test(`trace ${t}: BoardSync gives the recorded results`, () => {
    const clients = trace.clients.map((id) => {
      const sync = new BoardSync(id, 0);
      sync.load(trace.start.rev, structuredClone(trace.start.state));
      return sync;
    });
    trace.steps.forEach((step, s) => {
      const sync = clients[step.client];
      const where = `step ${s} (${step.call})`;
      // JSON round trip: the recorded side has no undefined fields and no shared objects.
      assert.deepEqual(JSON.parse(JSON.stringify(perform(sync, step) ?? null)), step.result, where);
      assert.deepEqual(JSON.parse(JSON.stringify(after(sync))), step.after, where);
    });
  });
});
