package org.aantafel.web.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import org.aantafel.testsupport.Browsers;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The browser's pure sync logic (BoardSync, BoardClient over a fake bus, textDiff, order moves), run as the real
 * ES modules in Chromium, since the project has no JavaScript test runner. Each scenario returns "ok" or throws.
 */
class SyncLogicInBrowserTest {

  private static final String ASSERT = """
    const eq = (actual, expected, what) => {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        throw new Error(what + ': got ' + JSON.stringify(actual) + ', expected ' + JSON.stringify(expected));
      }
    };
    const tick = () => new Promise((r) => setTimeout(r, 0));
    """;

  private static Vertx vertx;
  private static TestServer server;
  private static Browsers browsers;
  private static Browser browser;
  private static Page page;

  @BeforeAll
  static void open() {
    browsers = Browsers.launch(); // first: without Chromium the class is skipped before a server starts
    browser = browsers.browser();
    vertx = Vertx.vertx();
    server = TestServer.start(vertx);
    page = browser.newPage();
    page.navigate(server.baseUrl() + "/");
  }

  @AfterAll
  static void close() {
    if (server != null) {
      server.close();
      vertx.close();
    }
    if (browsers != null) {
      browsers.close();
    }
  }

  @Test
  void boardSyncKeepsOneSubmitInFlightAndAcknowledgesInRevisionOrder() {
    run("""
      const { BoardSync } = await import('/js/sync/board-sync.js');
      const text = (edit) => ({ type: 'text', id: 'board', field: 'goal', edit });
      const s = new BoardSync('me');
      s.load(5, { board: { goal: 'abc' }, entities: {} });
      s.local([text([3, 'd'])]);
      s.local([text([4, 'e'])]);
      eq(s.buffer.length, 1, 'keystrokes on one field are composed');
      eq(s.takeSubmit(), { clientId: 'me', seq: 1, baseRev: 5, ops: [text([3, 'de'])] }, 'first submit');
      eq(s.takeSubmit(), null, 'only one submit in flight');
      s.local([text(['X', 5])]);
      eq(s.status, 'awaiting-with-buffer', 'status');
      s.committed({ rev: 6, clientId: 'other', seq: 1, ops: [text(['R', 3])] });
      eq(s.state.board.goal, 'RXabcde', 'remote applied after transforming over local');
      eq(s.inflightSubmit().baseRev, 6, 'a resend is rebased on the current revision');
      s.acknowledged(1, { rev: 8 });
      eq([s.inflight !== null, s.hasGap], [true, true], 'an ack waits for its revision, which carries the ops as applied');
      s.committed({ rev: 7, clientId: 'o2', seq: 1, ops: [text([1, 'Z', 3])] });
      eq([s.rev, s.inflight !== null], [7, true], 'revision 7 applied, ours still pending');
      s.committed({ rev: 8, clientId: 'me', seq: 1, ops: [text([5, 'de'])] });
      eq([s.rev, s.inflight, s.state.board.goal], [8, null, 'RZXabcde'], 'our own revision confirms the in-flight submit');
      s.committed({ rev: 10, clientId: 'o', seq: 3, ops: [] });
      eq(s.hasGap, true, 'gap noticed');
      s.committed({ rev: 9, clientId: 'o', seq: 2, ops: [] });
      eq([s.rev, s.hasGap], [10, false], 'gap closed');
      const second = s.takeSubmit();
      s.committed({ rev: 11, clientId: 'me', seq: second.seq, ops: second.ops });
      eq([s.rev, s.inflight, s.state.board.goal], [11, null, 'RZXabcde'], 'our published submit is its ack');
      """);
  }

  @Test
  void boardSyncRebasesOnTheOpsTheServerAppliedNotOnTheOnesItSent() {
    run("""
      const { BoardSync } = await import('/js/sync/board-sync.js');
      const s = new BoardSync('me', 4);
      s.load(1, { board: { phase: 'agenda' }, entities: {} });
      s.local([{ type: 'create', id: 'i1', kind: 'agendaItem', fields: { title: '', order: 'a0' } }]);
      const sent = s.takeSubmit();
      eq(sent.seq, 5, 'seq continues from the one a reloaded tab remembered');
      s.local([{ type: 'text', id: 'i1', field: 'title', edit: ['Hi'] }]);
      s.local([{ type: 'set', id: 'i1', field: 'timer', value: 'start' }]);
      const stamped = { title: '', order: 'a0', proposedBy: 'p1', proposedByName: 'Anna', proposedByRole: 'parent', late: true };
      s.committed({ rev: 2, clientId: 'o', seq: 1, ops: [{ type: 'text', id: 'board', field: 'goal', edit: ['G'] }] });
      const applied = s.committed({ rev: 3, clientId: 'me', seq: 5, ops: [{ type: 'create', id: 'i1', kind: 'agendaItem', fields: stamped }] });
      eq(applied.map((m) => m.own), [true], 'our revision is reported as our own');
      eq([s.confirmed.entities.i1.late, s.confirmed.entities.i1.title], [true, ''], 'confirmed holds the stamped create only');
      eq([s.state.entities.i1.late, s.state.entities.i1.title, s.state.board.goal], [true, 'Hi', 'G'], 'shown: confirmed + buffer');
      s.takeSubmit();
      s.committed({ rev: 4, clientId: 'me', seq: 6, ops: [{ type: 'text', id: 'i1', field: 'title', edit: ['Hi'] },
        { type: 'set', id: 'i1', field: 'timerElapsedMs', value: 0 }, { type: 'set', id: 'i1', field: 'timerStartedAt', value: 99 }] });
      eq([s.state.entities.i1.timer, s.state.entities.i1.timerStartedAt, s.unsavedCount], [undefined, 99, 0],
        'a timer control is replaced by the sets the server made of it');
      s.local([{ type: 'set', id: 'i1', field: 'status', value: 'done' }]);
      s.dropPending();
      eq(s.state.entities.i1.status, undefined, 'a refusal falls back to the confirmed state');
      """);
  }

  @Test
  void boardClientResendsAfterReconnectRetriesOn503AndRollsBackOn409() {
    run("""
      const { BoardClient } = await import('/js/sync/board-client.js');
      class FakeBus extends EventTarget {
        constructor() { super(); this.requests = []; this.isOpen = false; this.handlers = new Map(); }
        connect() { this.isOpen = true; queueMicrotask(() => this.dispatchEvent(new Event('open'))); }
        close() { this.isOpen = false; }
        drop() {
          this.isOpen = false;
          for (const r of this.pending()) this.fail(r, -1);
          this.dispatchEvent(new Event('close'));
        }
        request(address, body) { return new Promise((resolve, reject) => this.requests.push({ address, body, resolve, reject })); }
        register(address, handler) { this.handlers.set(address, handler); }
        send() {}
        pending(address) { return this.requests.filter((r) => !r.done && (!address || r.address === address)); }
        reply(r, body) { r.done = true; r.resolve(body); }
        fail(r, code) { r.done = true; r.reject(Object.assign(new Error('failed ' + code), { code })); }
      }
      sessionStorage.clear();
      const bus = new FakeBus();
      const client = new BoardClient({ boardId: 'B', token: 'T', name: 'n', role: 'parent', bus });
      const errors = [];
      client.addEventListener('error', (e) => errors.push(e.detail.code));
      client.start(); await tick();
      let [join] = bus.pending('board.join');
      eq(join.body.sinceRev, undefined, 'first join asks for the full state');
      bus.reply(join, { rev: 3, state: { board: { goal: 'ab' }, entities: {} }, you: { grant: 'participant' } }); await tick();
      [join] = bus.pending('board.join');
      eq(join.body.sinceRev, 3, 'after registering, one catch-up join fetches what was published in between');
      client.set('board', 'phase', 'goal');
      let [submit] = bus.pending('board.submit');
      eq([submit.body.seq, submit.body.baseRev], [1, 3], 'first submit');
      client.set('board', 'x', 1);
      bus.drop(); await tick();
      eq(client.connection, 'reconnecting', 'status after losing the socket');
      clearTimeout(client.reconnectTimer); bus.connect(); await tick();
      [join] = bus.pending('board.join');
      eq(join.body.sinceRev, 3, 'rejoin from the last applied revision');
      bus.reply(join, { rev: 4, you: { grant: 'participant' },
        ops: [{ rev: 4, clientId: 'other', seq: 9, ops: [{ type: 'text', id: 'board', field: 'goal', edit: ['Z', 2] }] }] });
      await tick();
      [submit] = bus.pending('board.submit');
      eq([submit.body.seq, submit.body.baseRev], [1, 4], 'the unacknowledged submit is resent with the same seq');
      [join] = bus.pending('board.join');
      bus.reply(join, { rev: 4, ops: [], you: { grant: 'participant' } }); await tick();
      eq(bus.pending('board.join').length, 0, 'one catch-up join per socket, not more');
      bus.fail(submit, 503); await tick();
      eq(client.unsavedCount, 2, 'a 503 keeps the edits');
      bus.handlers.get('board.B.ops')({ rev: 5, clientId: 'other', seq: 10, ops: [] }); await tick();
      [submit] = bus.pending('board.submit');
      eq(submit.body.seq, 1, 'retried with the same seq');
      bus.reply(submit, { rev: 6, duplicate: true }); await tick();
      eq(bus.pending('board.submit').length, 0, 'nothing more is sent before revision 6 itself arrives');
      bus.handlers.get('board.B.ops')({ rev: 6, clientId: client.clientId, seq: 1,
        ops: [{ type: 'set', id: 'board', field: 'phase', value: 'goal' }] }); await tick();
      [submit] = bus.pending('board.submit');
      eq([submit.body.seq, submit.body.baseRev], [2, 6], 'then the buffer');
      bus.fail(submit, 409); await tick();
      [join] = bus.pending('board.join');
      eq([join.body.sinceRev, errors, client.unsavedCount], [undefined, [409], 0], 'a refusal drops the edits and rejoins fresh');
      bus.reply(join, { rev: 7, state: { board: { goal: 'Zab', phase: 'goal' }, entities: {} }, you: { grant: 'participant' } });
      await tick();
      eq([client.rev, client.state.board.x], [7, undefined], 'rolled back to the server state');
      clearTimeout(client.retryTimer);
      clearTimeout(client.gapTimer);
      client.stop();
      """);
  }

  @Test
  void textDiffTurnsOneChangedSpanIntoAnOperation() {
    run("""
      const { textDiff } = await import('/js/ui/text-diff.js');
      for (const [before, after] of [['', 'x'], ['abc', 'abXc'], ['aaa', 'aa'], ['hello world', 'hello brave new world'],
          ['abc', ''], ['ab😀cd', 'ab😁cd']]) {
        eq(textDiff(before, after).apply(before), after, before + ' -> ' + after);
      }
      eq(textDiff('same', 'same').isNoop(), true, 'no change is a no-op');
      eq(textDiff('abcd', 'abXd').toJSON(), [2, 'X', -1, 1], 'replace in the middle (insert first, as ot.js normalises)');
      """);
  }

  @Test
  void orderMovesOnlyRewriteTheMovedItem() {
    run("""
      const { keyBetween } = await import('/js/board/order-key.js');
      const { orderedEntities, orderAtEnd, orderForMove } = await import('/js/ui/ordered-entities.js');
      const a = keyBetween(null, null), b = keyBetween(a, null), c = keyBetween(b, null);
      const state = { entities: { A: { kind: 'agendaItem', order: a }, B: { kind: 'agendaItem', order: b },
        C: { kind: 'agendaItem', order: c }, X: { kind: 'agendaItem', deleted: true } } };
      const ids = () => orderedEntities(state, 'agendaItem').map((i) => i.id).join('');
      eq(ids(), 'ABC', 'sorted, tombstones left out');
      state.entities.C.order = orderForMove(orderedEntities(state, 'agendaItem'), 2, -1);
      eq(ids(), 'ACB', 'moved up');
      state.entities.A.order = orderForMove(orderedEntities(state, 'agendaItem'), 0, 1);
      eq(ids(), 'CAB', 'moved down');
      eq(orderForMove(orderedEntities(state, 'agendaItem'), 0, -1), null, 'the first cannot move up');
      eq(orderAtEnd(orderedEntities(state, 'agendaItem')) > state.entities.B.order, true, 'append goes last');
      """);
  }

  private static void run(String scenario) {
    Object result = page.evaluate("async () => { " + ASSERT + scenario + " return 'ok'; }");
    assertEquals("ok", result);
  }
}
