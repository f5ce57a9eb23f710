// The connection keeper over a fake event bus: a socket that stops answering is given up after two missed beats, the
// next one comes after the recorded backoff, and a socket that works starts the backoff again from the start.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionKeeper, KEEPER_TIMINGS, reconnectDelay } from '../../../webroot/js/sync/connection-keeper.js';

class FakeBus extends EventTarget {
  constructor() { super(); this.isOpen = false; this.connects = 0; }
  connect() { this.connects += 1; this.isOpen = true; this.dispatchEvent(new Event('open')); }
  close() { this.isOpen = false; }
  drop() { this.isOpen = false; this.dispatchEvent(new Event('close')); }
}

test('two missed beats give the socket up; a refusal is an answer', async () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const bus = new FakeBus();
  let answer = () => Promise.reject(Object.assign(new Error('timeout'), { code: -1 }));
  const keeper = new ConnectionKeeper({ bus, beat: () => answer() });
  const lost = [];
  keeper.addEventListener('lost', () => lost.push(keeper.connection));
  try {
    keeper.start();
    keeper.working();
    const beat = async () => { mock.timers.tick(KEEPER_TIMINGS.heartbeatMs); for (let i = 0; i < 5; i++) await null; };
    await beat();
    assert.deepEqual([keeper.missedBeats, lost], [1, []], 'one missed beat is not enough');
    answer = () => Promise.reject(Object.assign(new Error('refused'), { code: 403 }));
    await beat();
    assert.equal(keeper.missedBeats, 0, 'a refusal is an answer');
    answer = () => Promise.reject(Object.assign(new Error('timeout'), { code: -1 }));
    await beat();
    await beat();
    assert.deepEqual([lost, bus.isOpen], [['reconnecting'], false], 'two missed beats: a new socket');
    mock.timers.tick(reconnectDelay(1).maxMs);
    assert.equal(bus.connects, 2, 'the next socket after the backoff');
  } finally {
    keeper.stop();
    mock.timers.reset();
  }
});

test('the backoff grows with each lost socket, shows offline from the third, and starts again once one works', () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const bus = new FakeBus();
  const keeper = new ConnectionKeeper({ bus, beat: () => Promise.resolve({}) });
  try {
    keeper.start();
    const shown = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      bus.drop();
      shown.push(keeper.connection);
      mock.timers.tick(reconnectDelay(attempt).minMs - 1);
      assert.equal(bus.connects, attempt, `not before the shortest wait after ${attempt} lost`);
      mock.timers.tick(reconnectDelay(attempt).maxMs - reconnectDelay(attempt).minMs + 1);
      assert.equal(bus.connects, attempt + 1, `by the longest wait after ${attempt} lost`);
    }
    assert.deepEqual(shown, ['reconnecting', 'reconnecting', 'offline']);
    keeper.working();
    assert.equal(keeper.attempts, 0);
    assert.deepEqual(reconnectDelay(1), { minMs: 500, maxMs: 1000 });
    assert.deepEqual(reconnectDelay(20), { minMs: 15000, maxMs: 30000 });
  } finally {
    keeper.stop();
    mock.timers.reset();
  }
});
